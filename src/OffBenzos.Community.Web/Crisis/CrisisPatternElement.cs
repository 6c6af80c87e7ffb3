namespace OffBenzos.Community.Web.Crisis;

/// <summary>One position of a phrase pattern: a set of words, a number, or a gap of up to N words.</summary>
internal sealed class CrisisPatternElement
{
    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
        "couple", "few", "several", "dozen", "dozens", "hundreds",
    };

    // Words that on their own mean a lot of tablets; "took eight" is already an overdose for most benzodiazepines.
    private static readonly HashSet<string> ManyWords = new(StringComparer.Ordinal)
    {
        "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
        "seventy", "eighty", "ninety", "hundred", "dozen", "dozens", "hundreds",
    };

    private CrisisPatternElement(CrisisWordSet? words, char number, int gap, bool optional)
    {
        Words = words;
        Number = number;
        Gap = gap;
        Optional = optional;
    }

    public CrisisWordSet? Words { get; }

    /// <summary>'n' any number, 'm' a number of eight or more, 'y' a year; '\0' for none.</summary>
    public char Number { get; }

    /// <summary>The most words a gap skips (zero for a word position).</summary>
    public int Gap { get; }

    public bool Optional { get; }

    public bool IsGap => Gap > 0;

    public static CrisisPatternElement ForWords(CrisisWordSet words, bool optional) => new(words, '\0', 0, optional);

    public static CrisisPatternElement ForNumber(char kind, bool optional) => new(null, kind, 0, optional);

    public static CrisisPatternElement ForGap(int gap) => new(null, '\0', gap, optional: false);

    public bool Accepts(string token) => Number switch
    {
        'n' => IsNumber(token) || NumberWords.Contains(token),
        'm' => ManyWords.Contains(token) || (double.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out var many) && many >= 8),
        'y' => token.Length == 4 && int.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 1950 and <= 2100,
        _ => Words!.Contains(token),
    };

    private static bool IsNumber(string token) => token.Length > 0 && char.IsAsciiDigit(token[0]);
}
