using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Crisis;

/// <summary>Seeds the crisis lines into the database once, and loads them into <see cref="CrisisDirectory"/>.</summary>
public sealed class CrisisLineStore(CommunityDb db, CrisisDirectory directory)
{
    public async Task SeedAsync()
    {
        if (await db.CrisisEmergencyNumbers.AnyAsync())
        {
            return;
        }
        foreach (var (code, country) in directory.Seed)
        {
            db.CrisisEmergencyNumbers.Add(new CrisisEmergencyRecord { CountryCode = code, Display = country.Emergency.Display, Tel = country.Emergency.Tel });
            var position = 0;
            foreach (var line in country.Lines)
            {
                db.CrisisLines.Add(new CrisisLineRecord
                {
                    CountryCode = code,
                    Position = position++,
                    Name = line.Name,
                    Display = line.Display,
                    Tel = line.Tel,
                    Sms = line.Sms,
                    Url = line.Url,
                    Hours = line.Hours,
                    Kind = line.Kind,
                    Notes = line.Notes,
                    Source = line.Source,
                    Checked = line.Checked,
                });
            }
        }
        await db.SaveChangesAsync();
    }

    public async Task LoadAsync()
    {
        var emergencies = await db.CrisisEmergencyNumbers.AsNoTracking().ToListAsync();
        var lines = await db.CrisisLines.AsNoTracking().OrderBy(l => l.CountryCode).ThenBy(l => l.Position).ThenBy(l => l.Id).ToListAsync();
        directory.Replace(emergencies.ToDictionary(
            e => e.CountryCode,
            e => new CountryLines(new EmergencyNumber(e.Display, e.Tel), lines.Where(l => l.CountryCode == e.CountryCode)
                .Select(l => new CrisisLine(l.Name, l.Display, l.Tel, l.Sms, l.Url, l.Hours, l.Kind, l.Notes, l.Source, l.Checked)).ToList()),
            StringComparer.Ordinal));
    }
}
