using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OffBenzos.Community.Web.Data;

/// <summary>
/// Stores instants as UTC ticks (a long) so that ordering and range queries work in SQL on SQLite
/// and SQL Server alike. Every instant in this app is UTC; offsets are a display concern.
/// </summary>
public sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
