using System.Globalization;
using System.Text;

namespace OffBenzos.Community.Web.Accounts;

/// <summary>
/// Cleans and validates member display names, and computes the look-alike "skeleton" key that decides
/// whether two names are too similar to coexist, so nobody can pass as another member or as staff.
/// </summary>
/// <remarks>
/// Every step is a single linear pass over a short string (no regular expressions), so it is cheap enough
/// to run on each registration and profile save.
/// </remarks>
public static class DisplayNames
{
    public const int MinLength = 3;
    public const int MaxLength = 30;

    public const string LengthMessage = "Display names need 3 to 30 characters.";

    public const string InvisibleCharactersMessage =
        "Display names can't include invisible or direction-changing characters. "
        + "Please type the name in again rather than pasting it.";

    public const string AllowedCharactersMessage =
        "Display names can use letters, numbers, spaces and _ - . ' only. "
        + "Please leave out emoji and other symbols.";

    public const string LetterRequiredMessage = "Display names need at least one letter.";

    public const string OneAlphabetMessage =
        "Please use letters from one alphabet. Mixing alphabets (such as Latin with Cyrillic or Greek) "
        + "can make a name look like someone else's.";

    public const string ReservedMessage =
        "Display names can't look like a staff or service name (such as moderator, admin, coach, support "
        + "or OffBenzos), so members can always tell who speaks for the community.";

    // Far more than 30 text elements need; refusing sooner bounds the work done on hostile input.
    private const int MaxInputChars = 500;

    // Computed with Key itself so reserved words and names are compared in the same skeleton space.
    private static readonly string[] ReservedSkeletons = Array.ConvertAll<string, string>(
        ["moderator", "admin", "coach", "offbenzos", "offbenzo", "support", "staff", "official"], Key);

    private enum CharacterProblem
    {
        None,
        Invisible,
        NotAllowed,
    }

    // Scripts whose letters are easily mistaken for one another; everything else is Other.
    private enum Alphabet
    {
        Other,
        Latin,
        Greek,
        Coptic,
        Cyrillic,
        Armenian,
        Cherokee,
        Lisu,
    }

    /// <summary>Cleans <paramref name="input"/> and checks it against every display-name rule.</summary>
    public static DisplayNameCheck Check(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxInputChars)
        {
            return Refuse(LengthMessage);
        }

        string spaced = CollapseSpaces(input);
        switch (FindCharacterProblem(spaced, out bool hasLetter))
        {
            case CharacterProblem.NotAllowed:
                return Refuse(AllowedCharactersMessage);
            case CharacterProblem.Invisible:
                return Refuse(InvisibleCharactersMessage);
        }

        // Safe now: lone surrogates (which make Normalize throw) were refused above.
        string name = spaced.Normalize(NormalizationForm.FormC);
        int length = new StringInfo(name).LengthInTextElements;
        if (length is < MinLength or > MaxLength)
        {
            return Refuse(LengthMessage);
        }

        if (!hasLetter)
        {
            return Refuse(LetterRequiredMessage);
        }

        // Before the alphabet rule, so "Mоderator" with a Cyrillic "о" hears the real reason first.
        string key = Key(name);
        if (Array.Exists(ReservedSkeletons, reserved => key.Contains(reserved, StringComparison.Ordinal)))
        {
            return Refuse(ReservedMessage);
        }

        if (MixesLookAlikeAlphabets(name))
        {
            return Refuse(OneAlphabetMessage);
        }

        return new DisplayNameCheck(name, key, null);
    }

    /// <summary>
    /// The uniqueness key ("skeleton") of an already-valid display name: names with equal keys look alike
    /// and must not both exist. Keys are for comparison only, never for display.
    /// </summary>
    /// <remarks>Also safe on raw text such as an admin's search box: it never throws for odd input.</remarks>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        // Normalize throws on a lone surrogate; the rune enumerator swaps each one for U+FFFD instead.
        if (name.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            name = string.Concat(name.EnumerateRunes().Select(rune => rune.ToString()));
        }

        // NFKD = NFKC then NFD: compatibility forms (full-width, ligatures, math letters) become plain
        // letters, and accents come apart so they can be dropped ("José" ~ "Jose"). Lower-casing after
        // decomposing also turns "İ" into a plain "i" plus a dropped dot.
        string decomposed = name.Normalize(NormalizationForm.FormKD);
        var key = new StringBuilder(decomposed.Length * 2);
        Span<char> utf16 = stackalloc char[2];
        foreach (Rune original in decomposed.EnumerateRunes())
        {
            Rune rune = Rune.ToLowerInvariant(original);
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark
                || IsSeparator(rune) || IsInvisible(rune.Value))
            {
                continue;
            }

            if (FoldLookAlike(rune.Value) is { } folded)
            {
                key.Append(folded);
            }
            else
            {
                key.Append(utf16[..rune.EncodeToUtf16(utf16)]);
            }
        }

        return key.ToString();
    }

    private static DisplayNameCheck Refuse(string error) => new(null, null, error);

    // Trims and turns every run of whitespace (tabs, no-break and ideographic spaces too) into one plain
    // space; straightens the curly apostrophes phone keyboards insert, so "O’Brien" is simply "O'Brien".
    private static string CollapseSpaces(string input)
    {
        var builder = new StringBuilder(input.Length);
        bool spacePending = false;
        foreach (char c in input)
        {
            if (char.IsWhiteSpace(c))
            {
                spacePending = builder.Length > 0;
                continue;
            }

            if (spacePending)
            {
                builder.Append(' ');
                spacePending = false;
            }

            builder.Append(c is '\u2018' or '\u2019' ? '\'' : c);
        }

        return builder.ToString();
    }

    // Allowed: letters of any script (with combining marks attached to them), decimal digits, space and
    // _ - . '. A disallowed character wins over an invisible one, so an emoji joined by U+200D is reported
    // as an emoji rather than as a mysterious invisible character.
    private static CharacterProblem FindCharacterProblem(string text, out bool hasLetter)
    {
        hasLetter = false;
        bool invisible = false;
        bool markCanAttach = false;

        // A lone surrogate enumerates as U+FFFD, a symbol, so it is refused like one.
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (IsInvisible(rune.Value))
            {
                invisible = true;
                markCanAttach = false;
                continue;
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
                    or UnicodeCategory.TitlecaseLetter or UnicodeCategory.OtherLetter:
                    hasLetter = true;
                    markCanAttach = true;
                    break;
                case UnicodeCategory.ModifierLetter: // e.g. ʼ or ー: part of a word, but not a letter alone
                    markCanAttach = true;
                    break;
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark when markCanAttach:
                    break;
                case UnicodeCategory.DecimalDigitNumber:
                    markCanAttach = false;
                    break;
                case UnicodeCategory.Control or UnicodeCategory.Format:
                    invisible = true;
                    markCanAttach = false;
                    break;
                default:
                    if (!IsSeparator(rune))
                    {
                        return CharacterProblem.NotAllowed;
                    }

                    markCanAttach = false;
                    break;
            }
        }

        return invisible ? CharacterProblem.Invisible : CharacterProblem.None;
    }

    private static bool IsSeparator(Rune rune) => rune.Value is ' ' or '_' or '-' or '.' or '\''
        or '\u2018' or '\u2019' or '\u02BB' or '\u02BC'; // apostrophe look-alikes, for keys of raw text

    // Default-ignorable code points: they draw nothing or silently reorder text, so "admin" and
    // "ad\u200Bmin" would look identical. The Hangul fillers are "letters" that draw as blank space.
    private static bool IsInvisible(int codePoint) => codePoint switch
    {
        0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFEFF or 0xFFA0 => true,
        >= 0x180B and <= 0x180F => true, // Mongolian variation selectors and vowel separator
        >= 0x200B and <= 0x200F => true, // zero-width space and joiners, LRM, RLM
        >= 0x202A and <= 0x202E => true, // bidi embeddings and overrides
        >= 0x2060 and <= 0x206F => true, // word joiner, invisible operators, bidi isolates
        >= 0xFE00 and <= 0xFE0F => true, // variation selectors
        >= 0x1BCA0 and <= 0x1BCA3 => true, // shorthand format controls
        >= 0x1D173 and <= 0x1D17A => true, // musical format controls
        >= 0xE0000 and <= 0xE0FFF => true, // tags and more variation selectors
        _ => false,
    };

    // Compares letters after NFKC so full-width and mathematical letters count as the script they copy.
    private static bool MixesLookAlikeAlphabets(string name)
    {
        Alphabet seen = Alphabet.Other;
        foreach (Rune rune in name.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            Alphabet alphabet = Rune.IsLetter(rune) ? AlphabetOf(rune.Value) : Alphabet.Other;
            if (alphabet == Alphabet.Other)
            {
                continue;
            }

            if (seen == Alphabet.Other)
            {
                seen = alphabet;
            }
            else if (seen != alphabet)
            {
                return true;
            }
        }

        return false;
    }

    // Only letters reach here, so block ranges are precise enough (Unicode 16 script ranges).
    private static Alphabet AlphabetOf(int codePoint) => codePoint switch
    {
        <= 0x02AF or (>= 0x1D00 and <= 0x1D25) or (>= 0x1D2C and <= 0x1D5C) or (>= 0x1D62 and <= 0x1D65)
            or (>= 0x1D6B and <= 0x1D77) or (>= 0x1D79 and <= 0x1DBE) or (>= 0x1E00 and <= 0x1EFF)
            or (>= 0x2C60 and <= 0x2C7F) or (>= 0xA722 and <= 0xA7FF) or (>= 0xAB30 and <= 0xAB64)
            or (>= 0xAB66 and <= 0xAB69) or (>= 0xFF21 and <= 0xFF5A) or (>= 0x10780 and <= 0x107BF)
            or (>= 0x1DF00 and <= 0x1DFFF) => Alphabet.Latin,
        (>= 0x0370 and <= 0x03E1) or (>= 0x03F0 and <= 0x03FF) or (>= 0x1D26 and <= 0x1D2A)
            or (>= 0x1D5D and <= 0x1D61) or (>= 0x1D66 and <= 0x1D6A) or 0x1DBF or (>= 0x1F00 and <= 0x1FFF)
            or 0xAB65 => Alphabet.Greek,
        (>= 0x03E2 and <= 0x03EF) or (>= 0x2C80 and <= 0x2CFF) => Alphabet.Coptic,
        (>= 0x0400 and <= 0x052F) or (>= 0x1C80 and <= 0x1C8F) or 0x1D2B or 0x1D78 or (>= 0xA640 and <= 0xA69F)
            or (>= 0x1E030 and <= 0x1E08F) => Alphabet.Cyrillic,
        (>= 0x0530 and <= 0x058F) or (>= 0xFB13 and <= 0xFB17) => Alphabet.Armenian,
        (>= 0x13A0 and <= 0x13FF) or (>= 0xAB70 and <= 0xABBF) => Alphabet.Cherokee,
        (>= 0xA4D0 and <= 0xA4FF) or 0x11FB0 => Alphabet.Lisu,
        _ => Alphabet.Other,
    };

    // Input is lower-case and accent-free. Keys ignore case, so each letter gets ONE Latin target even
    // where its capital and small forms resemble different letters; we then follow the capital, which is
    // a pixel-exact twin (Greek Η Μ Ν Υ = H M N Y), over the small form's rough likeness (η μ ν υ ~ n u v u).
    // Capital I looks like l, and i is I lower-cased, so i, l, 1, | and ! all share "l". "rn" reads as
    // "m" and "vv" as "w": we expand m and w instead of contracting pairs, so "vvv", "wv" and "vw" agree.
    private static string? FoldLookAlike(int codePoint) => codePoint switch
    {
        // Latin and its own look-alikes
        'i' or 'l' or '1' or '|' or '!' or 0x0131 or 0x0269 or 0x01C0 or 0x0142 => "l", // ı ɩ ǀ ł
        'm' => "rn",
        'w' => "vv",
        0x00DF => "ss", // ß
        0x00F8 => "o", // ø
        0x0111 => "d", // đ
        0x0127 => "h", // ħ
        0x0251 => "a", // ɑ
        0x0261 => "g", // ɡ

        // Digits and symbols used as letters
        '0' => "o",
        '3' => "e",
        '4' or '@' => "a",
        '5' or '$' => "s",
        '7' => "t",
        '8' => "b",
        '9' => "g",

        // Cyrillic
        0x0430 => "a", // а
        0x0432 => "b", // в
        0x0433 => "r", // г
        0x0435 => "e", // е
        0x043A => "k", // к
        0x043C => "rn", // м
        0x043D => "h", // н
        0x043E => "o", // о
        0x0440 => "p", // р
        0x0441 => "c", // с
        0x0442 => "t", // т
        0x0443 or 0x04AF => "y", // у ү
        0x0445 => "x", // х
        0x044C => "b", // ь
        0x0455 => "s", // ѕ
        0x0456 or 0x04CF => "l", // і ӏ
        0x0458 => "j", // ј
        0x0475 => "v", // ѵ
        0x04BB => "h", // һ
        0x0501 => "d", // ԁ
        0x051B => "q", // ԛ
        0x051D => "vv", // ԝ

        // Greek
        0x03B1 => "a", // α
        0x03B2 => "b", // β
        0x03B3 => "y", // γ
        0x03B5 => "e", // ε
        0x03B6 => "z", // ζ
        0x03B7 => "h", // η (capital Η)
        0x03B9 => "l", // ι
        0x03BA => "k", // κ
        0x03BC => "rn", // μ (capital Μ)
        0x03BD => "n", // ν (capital Ν)
        0x03BF => "o", // ο
        0x03C1 => "p", // ρ
        0x03C2 => "\u03C3", // final ς is the same letter as σ
        0x03C4 => "t", // τ
        0x03C5 => "y", // υ (capital Υ)
        0x03C7 => "x", // χ
        0x03C9 => "vv", // ω
        0x03F2 => "c", // lunate sigma ϲ
        0x03F3 => "j", // ϳ
        _ => null,
    };
}
