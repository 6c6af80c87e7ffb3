using System.Collections.Frozen;

namespace OffBenzos.Community.Web.Accounts;

/// <summary>
/// The commonest passwords (see the header of common-passwords.txt for the source and licence),
/// loaded once from the assembly.
/// </summary>
public static class CommonPasswords
{
    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    /// <summary>
    /// True for a listed password, and for one that only repeats a listed password or a short
    /// pattern ("passwordpassword", "abcabcabcabc", "aaaaaaaaaaaa"): length alone does not make those safe.
    /// </summary>
    public static bool IsCommon(string passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        var lower = passphrase.Trim().ToLowerInvariant();
        if (List.Value.Contains(lower))
        {
            return true;
        }
        for (var unit = 1; unit <= lower.Length / 2; unit++)
        {
            if (lower.Length % unit != 0 || !RepeatsUnit(lower, unit))
            {
                continue;
            }
            if (unit <= 3 || List.Value.Contains(lower[..unit]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool RepeatsUnit(string text, int unit)
    {
        for (var i = unit; i < text.Length; i++)
        {
            if (text[i] != text[i - unit])
            {
                return false;
            }
        }
        return true;
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords.txt resource is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line);
            }
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
