using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Moderation;

/// <summary>
/// The append-only audit log of moderator and admin actions, chained by hash: each row carries the
/// hash of the one before, so a row changed or deleted in the database breaks the chain, and
/// <see cref="VerifyAsync"/> says where.
/// </summary>
public sealed class AuditLog(CommunityDb db, TimeProvider clock, ILogger<AuditLog> logger)
{
    public sealed record Entry(string ActorId, string Action, string TargetType, string TargetId, int? GroupId = null, string? Reason = null, string? ContentBefore = null);

    /// <summary>
    /// Adds the row and saves, together with whatever else the caller has pending on the context,
    /// so the action and its record succeed or fail together.
    /// </summary>
    public async Task<ModerationAction> AppendAsync(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.ModerationActions.AsNoTracking().OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync();
            var row = new ModerationAction
            {
                Sequence = (last?.Sequence ?? 0) + 1,
                PreviousHash = last?.Hash ?? "",
                ActorId = entry.ActorId,
                Action = entry.Action,
                TargetType = entry.TargetType,
                TargetId = entry.TargetId,
                GroupId = entry.GroupId,
                Reason = entry.Reason,
                ContentBefore = entry.ContentBefore,
                At = clock.GetUtcNow(),
            };
            row.Hash = HashOf(row);
            db.ModerationActions.Add(row);
            try
            {
                await db.SaveChangesAsync();
                return row;
            }
            catch (DbUpdateException ex) when (attempt < 5)
            {
                // Another action took this sequence number first: chain after it instead.
                logger.LogInformation(ex, "Audit sequence {Sequence} was taken; retrying.", row.Sequence);
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    public sealed record Verification(bool Intact, long Rows, long? FirstBrokenSequence);

    /// <summary>Recomputes the chain from the first row; reports the first row that does not match.</summary>
    public async Task<Verification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var previous = "";
        long expected = 1;
        long rows = 0;
        await foreach (var row in db.ModerationActions.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            rows++;
            if (row.Sequence != expected || row.PreviousHash != previous || row.Hash != HashOf(row))
            {
                return new Verification(false, rows, row.Sequence == expected ? row.Sequence : expected);
            }
            previous = row.Hash;
            expected++;
        }
        return new Verification(true, rows, null);
    }

    public static string HashOf(ModerationAction row)
    {
        ArgumentNullException.ThrowIfNull(row);
        // Lengths before each field, so no two different rows can serialise to the same text.
        var text = new StringBuilder();
        foreach (var field in new[]
        {
            row.Sequence.ToString(CultureInfo.InvariantCulture), row.PreviousHash, row.ActorId, row.Action, row.TargetType, row.TargetId,
            row.GroupId?.ToString(CultureInfo.InvariantCulture) ?? "", row.Reason ?? "", row.ContentBefore ?? "",
            row.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
        })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
