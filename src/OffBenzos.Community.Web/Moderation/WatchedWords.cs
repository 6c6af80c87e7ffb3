using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;

namespace OffBenzos.Community.Web.Moderation;

/// <summary>
/// Checks text against the admins' watched words. Every pattern is compiled to a regular expression
/// run with RegexOptions.NonBacktracking, so no rule (or text) can make a check slow.
/// </summary>
public sealed class WatchedWords(CommunityDb db)
{
    public sealed record Match(WatchedWord Rule, string Found);

    /// <summary>The defaults a new community starts with: drug selling and sourcing, contact details.</summary>
    public static readonly IReadOnlyList<(string Pattern, WatchedPatternKind Kind, WatchedAction Action, string Explanation)> Defaults =
    [
        ("buy xanax", WatchedPatternKind.Phrase, WatchedAction.RequireApproval, "It looks like buying or selling medicine, which is never allowed here."),
        ("no prescription needed", WatchedPatternKind.Phrase, WatchedAction.RequireApproval, "It looks like buying or selling medicine, which is never allowed here."),
        ("pills for sale", WatchedPatternKind.Phrase, WatchedAction.RequireApproval, "It looks like buying or selling medicine, which is never allowed here."),
        ("for sale", WatchedPatternKind.Phrase, WatchedAction.Flag, "Selling things is not allowed here."),
        ("without a prescription", WatchedPatternKind.Phrase, WatchedAction.Flag, "Sourcing medicine without a prescription is not allowed here."),
        ("dark web", WatchedPatternKind.Phrase, WatchedAction.Flag, "Sourcing medicine is not allowed here."),
        ("vendor*", WatchedPatternKind.Wildcard, WatchedAction.Flag, "Sourcing medicine is not allowed here."),
        ("whatsapp*", WatchedPatternKind.Wildcard, WatchedAction.Flag, "Moving people off the site is not allowed, to keep everyone safe."),
        ("telegram*", WatchedPatternKind.Wildcard, WatchedAction.Flag, "Moving people off the site is not allowed, to keep everyone safe."),
        ("snapchat*", WatchedPatternKind.Wildcard, WatchedAction.Flag, "Moving people off the site is not allowed, to keep everyone safe."),
        ("wickr*", WatchedPatternKind.Wildcard, WatchedAction.Flag, "Moving people off the site is not allowed, to keep everyone safe."),
        (@"\+?\d[\d \-().]{7,}\d", WatchedPatternKind.Pattern, WatchedAction.RequireApproval, "It looks like a phone number. To keep everyone safe, please don't share contact details here."),
        (@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+\.[A-Za-z0-9.\-]+", WatchedPatternKind.Pattern, WatchedAction.RequireApproval, "It looks like an e-mail address. To keep everyone safe, please don't share contact details here."),
    ];

    public static string? Validate(string pattern, WatchedPatternKind kind)
    {
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > 200)
        {
            return "Please give a word, phrase or pattern of up to 200 characters.";
        }
        try
        {
            _ = Compile(pattern, kind);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return "That pattern is not a valid regular expression (without backreferences or lookarounds): " + ex.Message;
        }
    }

    private static readonly ConcurrentDictionary<(WatchedPatternKind, string), Regex> Compiled = new();

    /// <summary>The rule as a regular expression; compiled once per pattern (building a non-backtracking matcher costs).</summary>
    public static Regex Compile(string pattern, WatchedPatternKind kind) =>
        Compiled.GetOrAdd((kind, pattern), key =>
        {
            var (k, p) = key;
            // Words and phrases match whole words; any run of spaces may separate a phrase's words.
            // (Non-backtracking matching has no lookarounds, so word boundaries are \b.)
            var words = p.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var expression = k switch
            {
                WatchedPatternKind.Pattern => p,
                WatchedPatternKind.Wildcard => @"\b" + string.Join(@"\s+", words.Select(w => Regex.Escape(w).Replace(@"\*", @"\w*", StringComparison.Ordinal))) + @"\b",
                _ => @"\b" + string.Join(@"\s+", words.Select(Regex.Escape)) + @"\b",
            };
            // Non-backtracking: linear in the text whatever the pattern, so no match timeout, which
            // would only make a long post fail on a busy machine (as it did in the crisis detector).
            return new Regex(expression, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
        });

    /// <summary>Every rule the text matches, strongest action first.</summary>
    public async Task<IReadOnlyList<Match>> CheckAsync(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var normalised = text.Normalize(NormalizationForm.FormKC);
        var matches = new List<Match>();
        foreach (var rule in await db.WatchedWords.AsNoTracking().ToListAsync())
        {
            try
            {
                var found = Compile(rule.Pattern, rule.Kind).Match(normalised);
                if (found.Success)
                {
                    matches.Add(new Match(rule, found.Value));
                }
            }
            catch (ArgumentException)
            {
                // A rule that no longer compiles (saved before validation existed) never blocks a member.
            }
        }
        return matches.OrderBy(m => m.Rule.Action).ToList();
    }

    public async Task SeedDefaultsAsync(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (await db.WatchedWords.AnyAsync())
        {
            return;
        }
        foreach (var (pattern, kind, action, explanation) in Defaults)
        {
            db.WatchedWords.Add(new WatchedWord { Pattern = pattern, Kind = kind, Action = action, Explanation = explanation, CreatedAt = clock.GetUtcNow() });
        }
        await db.SaveChangesAsync();
    }
}
