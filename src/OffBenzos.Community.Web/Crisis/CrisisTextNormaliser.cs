using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OffBenzos.Community.Web.Crisis;

/// <summary>
/// Turns a post into sentences of normalised tokens: NFKC, lower case, no diacritics, apostrophes dropped
/// ("don't" → "dont"), letters repeated more than twice cut to two ("soooo" → "soo"), digit and symbol swaps
/// inside words undone ("su1c1de" → "suicide", "k!ll" → "kill", "$" → "s"), spelled-out letters joined
/// ("k y s" → "kys"), common misspellings and shorthand mapped ("suicde", "siezure", "od", "kms", "wanna"),
/// and punctuation turned into spaces or clause boundaries.
/// </summary>
internal static class CrisisTextNormaliser
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    // No match timeout: the non-backtracking engine is linear in the text, so a timeout guarded
    // against nothing and only made a long post fail to be checked on a busy machine (a 100,000-
    // character text timed out at 200 ms in CI while two test suites shared two cores).
    private static readonly TimeSpan Linear = Regex.InfiniteMatchTimeout;

    // "o.d." must become a word before punctuation is dropped; "od'd" and "oded" must not read as "odd".
    private static readonly Regex DottedOd = new(@"\bo\.d\b\.?", Options, Linear);
    private static readonly Regex OdPast = new(@"\bo\.?d(?:'d|'ed|ed)\b", Options, Linear);
    private static readonly Regex OdIng = new(@"\bo\.?d'?ing\b", Options, Linear);
    private static readonly Regex With = new(@"\bw/", Options, Linear);

    // A number followed by one of these is a dose or a time ("0.875mg", "4am", "2nd"), never leetspeak.
    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "mg", "mgs", "mcg", "ug", "ml", "g", "gr", "kg", "x", "am", "pm", "st", "nd", "rd", "th", "s", "h", "hr", "hrs",
        "hour", "hours", "min", "mins", "day", "days", "wk", "wks", "week", "weeks", "mo", "mos", "month", "months",
        "yr", "yrs", "year", "years", "k", "lb", "lbs", "iu", "pct", "ish",
    };

    // Words written straight before a number: "day40", "wk3", "step4".
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal)
    {
        "day", "days", "d", "wk", "wks", "week", "weeks", "w", "month", "months", "m", "mo", "hr", "hrs", "hour", "h", "yr", "year",
        "y", "covid", "b", "vitamin", "vit", "x", "v", "step", "level", "cut", "dose", "hold", "taper", "no", "num", "n", "p", "page",
        "mg", "ml", "part", "round", "version",
    };

    private static readonly Dictionary<(string, string), string> Bigrams = new()
    {
        [("my", "self")] = "myself",
        [("your", "self")] = "yourself",
        [("ur", "self")] = "yourself",
        [("her", "self")] = "herself",
        [("him", "self")] = "himself",
        [("them", "selves")] = "themselves",
        [("over", "dose")] = "overdose",
        [("over", "dosed")] = "overdosed",
        [("over", "dosing")] = "overdosing",
        [("over", "doses")] = "overdoses",
        [("can", "not")] = "cant",
        [("no", "body")] = "nobody",
        [("every", "one")] = "everyone",
        [("any", "more")] = "anymore",
        [("o", "d")] = "od",
        [("sewer", "slide")] = "suicide",
        [("un", "alive")] = "unalive",
    };

    // Misspellings and shorthand seen in forums, mapped to the words the lexicon uses. A value may be several words.
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["suicde"] = "suicide", ["suiside"] = "suicide", ["sucide"] = "suicide", ["suicied"] = "suicide",
        ["suecide"] = "suicide", ["suiccide"] = "suicide", ["sewerslide"] = "suicide", ["suicdes"] = "suicides",
        ["suicdal"] = "suicidal", ["suisidal"] = "suicidal", ["sucidal"] = "suicidal", ["suicidial"] = "suicidal",
        ["suicidle"] = "suicidal", ["suicidel"] = "suicidal", ["suicidall"] = "suicidal", ["sucicidal"] = "suicidal",
        ["suicdial"] = "suicidal", ["suacidal"] = "suicidal",
        ["seizeure"] = "seizure", ["siezure"] = "seizure", ["seisure"] = "seizure", ["sezure"] = "seizure",
        ["seazure"] = "seizure", ["seizur"] = "seizure", ["seziure"] = "seizure", ["ceasure"] = "seizure",
        ["seizuer"] = "seizure", ["seizer"] = "seizure", ["siezeure"] = "seizure", ["seisur"] = "seizure",
        ["seizeures"] = "seizures", ["siezures"] = "seizures", ["seizers"] = "seizures", ["seisures"] = "seizures",
        ["seazures"] = "seizures", ["sezures"] = "seizures", ["seiziures"] = "seizures",
        ["overdoes"] = "overdose", ["overdoze"] = "overdose", ["overdossed"] = "overdosed", ["overdozed"] = "overdosed",
        ["od"] = "overdose", ["ods"] = "overdoses", ["oded"] = "overdosed", ["oding"] = "overdosing",
        ["halucinating"] = "hallucinating", ["hallucinateing"] = "hallucinating", ["hallusinating"] = "hallucinating",
        ["halucinateing"] = "hallucinating", ["hallucinting"] = "hallucinating", ["halluncinating"] = "hallucinating",
        ["halucinations"] = "hallucinations", ["hallucinaitons"] = "hallucinations", ["hallusinations"] = "hallucinations",
        ["halucination"] = "hallucination", ["halucinate"] = "hallucinate",
        ["delerious"] = "delirious", ["delirous"] = "delirious", ["delierious"] = "delirious", ["delerium"] = "delirium",
        ["convultions"] = "convulsions", ["convulsons"] = "convulsions", ["convultion"] = "convulsion",
        ["disorientated"] = "disoriented",
        ["kms"] = "kill myself", ["kys"] = "kill yourself", ["unalive"] = "kill", ["unaliving"] = "killing",
        ["wanna"] = "want to", ["gonna"] = "going to", ["gotta"] = "got to", ["cannot"] = "cant",
        ["havin"] = "having", ["savin"] = "saving", ["thinkin"] = "thinking", ["tryin"] = "trying", ["feelin"] = "feeling",
        ["goin"] = "going", ["takin"] = "taking", ["stockpilin"] = "stockpiling", ["dyin"] = "dying", ["dieing"] = "dying",
        ["kil"] = "kill", ["kiling"] = "killing", ["myslef"] = "myself", ["mysef"] = "myself", ["meself"] = "myself",
        ["urself"] = "yourself", ["yourslef"] = "yourself", ["yoself"] = "yourself", ["urselves"] = "yourselves",
        ["yu"] = "you", ["u"] = "you", ["ya"] = "you", ["ur"] = "your", ["youre"] = "you are",
        ["shud"] = "should", ["shoud"] = "should", ["shld"] = "should", ["sould"] = "should",
        ["noone"] = "no one", ["nobody"] = "no one", ["nobodys"] = "no one", ["everybody"] = "everyone",
        ["ded"] = "dead", ["pils"] = "pills", ["pillz"] = "pills", ["medz"] = "meds",
        ["xanny"] = "xanax", ["xannies"] = "xanax", ["xans"] = "xanax", ["kpin"] = "klonopin", ["kpins"] = "klonopin",
        ["alchohol"] = "alcohol", ["alcohal"] = "alcohol", ["alchol"] = "alcohol", ["alcahol"] = "alcohol",
        ["fent"] = "fentanyl", ["percs"] = "percocet", ["oxys"] = "oxycodone",
        ["bc"] = "because", ["cuz"] = "because", ["cos"] = "because", ["coz"] = "because",
        ["rn"] = "right now", ["tonite"] = "tonight", ["tmrw"] = "tomorrow", ["idk"] = "dont know",
        ["selfharm"] = "self harm", ["selfharming"] = "self harming",
    };

    /// <summary>The normalised text as one string, sentences separated by " | ", for tests and for moderators' tools.</summary>
    public static string Normalise(string? text) =>
        string.Join(" | ", Sentences(text).Select(s => string.Join(' ', s.Tokens.Select(t => t.Text))));

    public static IReadOnlyList<CrisisSentence> Sentences(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var sentences = new List<CrisisSentence>();
        var normalised = text.Normalize(NormalizationForm.FormKC).Replace('\u2026', '.');
        foreach (var rawLine in normalised.Split('\n'))
        {
            var line = rawLine.Trim();
            // Markdown quotes ("> ...") are someone else's words, like text in quotation marks.
            var quotedLine = false;
            while (line.StartsWith('>'))
            {
                quotedLine = true;
                line = line[1..].TrimStart();
            }
            foreach (var (original, question) in SplitSentences(line))
            {
                var tokens = Tokenise(Prepare(original), quotedLine);
                if (tokens.Count > 0)
                {
                    sentences.Add(new CrisisSentence(Shorten(original), tokens, question));
                }
            }
        }
        return sentences;
    }

    private static string Shorten(string sentence) => sentence.Length <= 300 ? sentence : sentence[..297] + "...";

    /// <summary>Splits at . ! ? followed by a space or the end, but not inside "0.875", an ellipsis or "o.d."/"a.m.".</summary>
    private static IEnumerable<(string Text, bool Question)> SplitSentences(string line)
    {
        var start = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is not ('.' or '!' or '?'))
            {
                i++;
                continue;
            }
            var runEnd = i;
            while (runEnd < line.Length && line[runEnd] is '.' or '!' or '?')
            {
                runEnd++;
            }
            var after = runEnd;
            while (after < line.Length && line[after] is '"' or '\'' or ')' or ']' or '\u201d' or '\u2019' or '*' or '_')
            {
                after++;
            }
            var run = line[i..runEnd];
            var endsHere = after == line.Length || char.IsWhiteSpace(line[after]);
            var ellipsis = run.Length > 1 && !run.Contains('!', StringComparison.Ordinal) && !run.Contains('?', StringComparison.Ordinal);
            var abbreviation = run == "." && i >= 2 && char.IsLetter(line[i - 1]) && line[i - 2] == '.';
            if (endsHere && !ellipsis && !abbreviation)
            {
                var sentence = line[start..after].Trim();
                if (sentence.Length > 0)
                {
                    yield return (sentence, run.Contains('?', StringComparison.Ordinal));
                }
                start = after;
            }
            i = runEnd;
        }
        var rest = line[start..].Trim();
        if (rest.Length > 0)
        {
            yield return (rest, rest.EndsWith('?'));
        }
    }

    /// <summary>Lower case, no diacritics, one kind of quote, "o.d." as a word, digit swaps undone.</summary>
    private static string Prepare(string sentence)
    {
        var lower = sentence.ToLowerInvariant();
        var decomposed = lower.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201a' or '\u201b' or '\u2032' or '`' or '\u00b4' => '\'',
                '\u201c' or '\u201d' or '\u201e' or '\u201f' or '\u00ab' or '\u00bb' or '\u2033' => '"',
                _ => c,
            });
        }
        var text = builder.ToString().Normalize(NormalizationForm.FormC);
        text = DottedOd.Replace(text, "od");
        text = OdPast.Replace(text, "overdosed");
        text = OdIng.Replace(text, "overdosing");
        text = With.Replace(text, "with ");
        return UndoSwaps(text);
    }

    private static string UndoSwaps(string text)
    {
        var chars = text.ToCharArray();
        var i = 0;
        while (i < chars.Length)
        {
            if (!IsRunChar(chars[i]))
            {
                i++;
                continue;
            }
            var end = i;
            while (end < chars.Length && IsRunChar(chars[end]))
            {
                end++;
            }
            UndoSwapsInRun(chars, i, end);
            i = end;
        }
        return new string(chars);
    }

    private static bool IsRunChar(char c) => char.IsLetterOrDigit(c) || c is '@' or '$' or '!' or '|' or '\'';

    private static bool IsSwap(char c) => c is '0' or '1' or '3' or '4' or '5' or '7' or '@' or '$' or '!' or '|';

    /// <summary>
    /// Undoes digit and symbol swaps in one word, unless the word is a number with a unit ("0.875mg" arrives
    /// here as "875mg"), a code ("b12", "day40") or has no letters at all.
    /// </summary>
    private static void UndoSwapsInRun(char[] chars, int start, int end)
    {
        var letters = 0;
        var swaps = 0;
        for (var i = start; i < end; i++)
        {
            letters += char.IsLetter(chars[i]) ? 1 : 0;
            swaps += IsSwap(chars[i]) ? 1 : 0;
        }
        if (letters == 0 || swaps == 0)
        {
            return;
        }
        var word = new string(chars, start, end - start).Replace("'", "", StringComparison.Ordinal);
        var leadingDigits = 0;
        while (leadingDigits < word.Length && char.IsAsciiDigit(word[leadingDigits]))
        {
            leadingDigits++;
        }
        if (leadingDigits > 0 && Units.Contains(word[leadingDigits..]))
        {
            return;
        }
        var trailingDigits = 0;
        while (trailingDigits < word.Length && char.IsAsciiDigit(word[word.Length - 1 - trailingDigits]))
        {
            trailingDigits++;
        }
        if (trailingDigits > 0 && word[..^trailingDigits].All(char.IsLetter)
            && (Codes.Contains(word[..^trailingDigits]) || word[^trailingDigits..].Any(d => !IsSwap(d))))
        {
            // "day40", "b12", "covid19" are a word and a number; "ki11" and "t0" are swaps.
            return;
        }
        for (var i = start; i < end; i++)
        {
            var previous = i > start ? chars[i - 1] : '\0';
            var next = i + 1 < end ? chars[i + 1] : '\0';
            chars[i] = chars[i] switch
            {
                '0' => 'o',
                '3' => 'e',
                '4' => 'a',
                '5' => 's',
                '7' => 't',
                '$' => 's',
                // "ki11" is "kill"; a leading 1 before a vowel is an l ("1ethal"); otherwise an i ("k1ll", "su1c1de").
                '1' when previous is '1' or 'l' || next == '1' => 'l',
                '1' when i == start && next is 'a' or 'e' or 'i' or 'o' or 'u' => 'l',
                '1' => 'i',
                '@' when i > start => 'a',
                '!' when char.IsLetter(previous) && (char.IsLetter(next) || char.IsAsciiDigit(next)) => 'i',
                '|' when char.IsLetter(previous) && char.IsLetter(next) => 'l',
                _ => chars[i],
            };
        }
    }

    private static List<CrisisToken> Tokenise(string text, bool quotedLine)
    {
        var raw = new List<CrisisToken>();
        var word = new StringBuilder();
        var inQuote = false;

        void Flush()
        {
            if (word.Length > 0)
            {
                raw.Add(new CrisisToken(word.ToString(), inQuote || quotedLine, IsBoundary: false));
                word.Clear();
            }
        }

        void AddBoundary()
        {
            Flush();
            if (raw.Count > 0 && !raw[^1].IsBoundary)
            {
                raw.Add(CrisisToken.Boundary(inQuote || quotedLine));
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var previous = i > 0 ? text[i - 1] : ' ';
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                // "2mg" and "day40" are two words.
                if (word.Length > 0 && char.IsAsciiDigit(c) != char.IsAsciiDigit(word[^1]) && word[^1] != '*' && word[^1] != '.' && word[^1] != ',')
                {
                    Flush();
                }
                word.Append(c);
            }
            else if (c is '.' or ',' && word.Length > 0 && char.IsAsciiDigit(word[^1]) && char.IsAsciiDigit(next))
            {
                word.Append(c);
            }
            else if (c == '\'' && word.Length > 0 && char.IsLetter(next))
            {
                // Apostrophes join: "don't" → "dont", "I'm" → "im".
            }
            else if (c == '*' && word.Length > 0 && char.IsLetter(word[^1]) && char.IsLetter(next))
            {
                word.Append(c);
            }
            else if (c == '"')
            {
                Flush();
                inQuote = !inQuote;
            }
            else if (c is ',' or ';' or ':' or '(' or ')' or '[' or ']' or '{' or '}' or '\u2014' or '\u2013'
                || (c == '-' && char.IsWhiteSpace(previous) && char.IsWhiteSpace(next)))
            {
                AddBoundary();
            }
            else
            {
                Flush();
            }
        }
        Flush();
        if (raw.Count > 0 && raw[^1].IsBoundary)
        {
            raw.RemoveAt(raw.Count - 1);
        }
        return MapWords(MergeBigrams(JoinSpelledOut(CollapseRepeats(raw))));
    }

    /// <summary>"soooo" → "soo": any letter repeated more than twice is cut to two.</summary>
    private static List<CrisisToken> CollapseRepeats(List<CrisisToken> tokens)
    {
        for (var t = 0; t < tokens.Count; t++)
        {
            var text = tokens[t].Text;
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (builder.Length >= 2 && char.IsLetter(c) && builder[^1] == c && builder[^2] == c)
                {
                    continue;
                }
                builder.Append(c);
            }
            if (builder.Length != text.Length)
            {
                tokens[t] = tokens[t] with { Text = builder.ToString() };
            }
        }
        return tokens;
    }

    /// <summary>"k y s" → "kys": three or more single letters in a row are one word spelled out.</summary>
    private static List<CrisisToken> JoinSpelledOut(List<CrisisToken> tokens)
    {
        var result = new List<CrisisToken>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var end = i;
            while (end < tokens.Count && !tokens[end].IsBoundary && tokens[end].Text.Length == 1 && char.IsLetter(tokens[end].Text[0]))
            {
                end++;
            }
            if (end - i >= 3)
            {
                result.Add(tokens[i] with { Text = string.Concat(tokens.Skip(i).Take(end - i).Select(t => t.Text)) });
                i = end;
            }
            else
            {
                result.Add(tokens[i]);
                i++;
            }
        }
        return result;
    }

    private static List<CrisisToken> MergeBigrams(List<CrisisToken> tokens)
    {
        var result = new List<CrisisToken>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i + 1 < tokens.Count && !tokens[i].IsBoundary && !tokens[i + 1].IsBoundary
                && Bigrams.TryGetValue((tokens[i].Text, tokens[i + 1].Text), out var merged))
            {
                result.Add(tokens[i] with { Text = merged });
                i++;
            }
            else
            {
                result.Add(tokens[i]);
            }
        }
        return result;
    }

    private static List<CrisisToken> MapWords(List<CrisisToken> tokens)
    {
        var result = new List<CrisisToken>(tokens.Count + 4);
        foreach (var token in tokens)
        {
            if (!token.IsBoundary && Words.TryGetValue(token.Text, out var mapped))
            {
                foreach (var part in mapped.Split(' '))
                {
                    result.Add(token with { Text = part });
                }
            }
            else
            {
                result.Add(token);
            }
        }
        return result;
    }
}
