namespace OffBenzos.Community.Web.Crisis;

/// <summary>
/// Sorts a text into crisis categories with a phrase lexicon over normalised text and a few context rules.
/// No network, no model, no data loaded at run time; the lexicon is compiled once per process and never
/// changes, so one instance (or many) can serve every thread.
/// </summary>
/// <remarks>
/// Context rules, per sentence and per matched phrase:
/// <list type="bullet">
/// <item>Negation: a "not", "never", "no", "don't"... up to five words before the phrase, in the same clause,
/// cancels it ("I'm not suicidal", "never had a seizure", "no thoughts of ending it"); two cancel each other
/// ("I can't promise I won't hurt myself"); "don't know", "can't stop" and the like are not negations, and a
/// negation does not reach across "but", "and", "because" or "if".</item>
/// <item>Suicide and self-harm talk is kept in the past tense, in reported speech and about other people
/// ("I used to want to die", "my friend said she wanted to die"): signposting costs little and missing it a lot.
/// The evidence notes say so for the moderator. A work being described ("the leaflet says", a song) cancels it.</item>
/// <item>A lone risk word ("suicidal", "self-harm") in an educational sentence (a leaflet, "can cause",
/// "people", a general question) is cancelled unless someone says they live it ("I'm", "I feel", "anyone else").</item>
/// <item>A medical event is an emergency only now: cancelled by the distant past ("last year", "in 2015",
/// "used to"), fear, wishes or conditions before it ("terrified of having a seizure", "if I run out"),
/// reported or educational framing, general questions ("can you have seizures if...?"), quotation, or when no
/// person is in the sentence; words that say it is happening now ("right now", "I'm having", "last night")
/// beat fear, questions and reporting, but not negation or the past.</item>
/// <item>Method detail is cancelled only by negation or a work being described; it always implies risk to the
/// writer (the sentence also counts as suicide or self-harm) unless it is aimed at someone else.</item>
/// <item>Encouraging self-harm is cancelled by negation, quotation and reporting ("if someone tells you to...").
/// In a sentence that encourages someone else and has no "I", "me" or "my", suicide and medical cues are
/// dropped: "go jump in front of a train" is about the target, not the writer.</item>
/// </list>
/// </remarks>
public sealed class CrisisDetector
{
    private static readonly CrisisLexicon Lexicon = new();

    private enum TimeFrame
    {
        Unknown,
        Past,
        Present,
    }

    public CrisisAssessment Assess(string? text)
    {
        var sentences = CrisisTextNormaliser.Sentences(text);
        if (sentences.Count == 0)
        {
            return CrisisAssessment.None;
        }
        var evidence = new List<CrisisEvidence>();
        foreach (var sentence in sentences)
        {
            var found = new List<CrisisEvidence>();
            foreach (var cue in Lexicon.Cues)
            {
                var hit = FirstHit(cue, sentence);
                if (hit is not null && !found.Any(f => f.Category == hit.Category && f.Phrase == hit.Phrase))
                {
                    found.Add(hit);
                }
            }
            if (found.Any(f => f.Category == CrisisCategory.EncouragingSelfHarm) && !sentence.Tokens.Any(t => Lexicon.Me.Contains(t.Text)))
            {
                // "Go jump in front of a train" and "you should have overdosed" are said to someone else:
                // neither the writer's own risk nor an event happening to anyone.
                found.RemoveAll(f => f.Category is CrisisCategory.SuicideOrSelfHarm or CrisisCategory.MedicalEmergency);
            }
            var method = found.FirstOrDefault(f => f.Category == CrisisCategory.MethodDetail);
            if (method is not null
                && !found.Any(f => f.Category is CrisisCategory.EncouragingSelfHarm or CrisisCategory.SuicideOrSelfHarm))
            {
                // Someone asking how many it would take, or saving tablets, is at risk themselves.
                found.Add(method with { Category = CrisisCategory.SuicideOrSelfHarm, Note = Join(method.Note, "implied by method detail") });
            }
            evidence.AddRange(found);
        }
        if (evidence.Count == 0)
        {
            return CrisisAssessment.None;
        }
        return new CrisisAssessment(evidence.Select(e => e.Category).ToHashSet(), evidence);
    }

    private static CrisisEvidence? FirstHit(CrisisCue cue, CrisisSentence sentence)
    {
        var tokens = sentence.Tokens;
        if (cue.Vetoes.Any(v => v.IsFoundIn(tokens)) || (cue.Requires.Count > 0 && !cue.Requires.Any(r => r.IsFoundIn(tokens))))
        {
            return null;
        }
        foreach (var pattern in cue.Patterns)
        {
            foreach (var (start, end) in pattern.Matches(tokens))
            {
                if (cue.NotFollowedBy is not null && end < tokens.Count && !tokens[end].IsBoundary && cue.NotFollowedBy.Contains(tokens[end].Text))
                {
                    continue;
                }
                if (cue.NotPrecededBy is not null && start > 0 && !tokens[start - 1].IsBoundary && cue.NotPrecededBy.Contains(tokens[start - 1].Text))
                {
                    continue;
                }
                if (IsNegated(tokens, start, end, pattern.GapWords(tokens, start)))
                {
                    continue;
                }
                var (keep, note) = Judge(cue.Kind, sentence, start, end);
                if (keep)
                {
                    var phrase = string.Join(' ', Enumerable.Range(start, end - start).Select(i => tokens[i].Text));
                    return new CrisisEvidence(cue.Category, phrase, sentence.Original, note);
                }
            }
        }
        return null;
    }

    private static (bool Keep, string? Note) Judge(CrisisCueKind kind, CrisisSentence sentence, int start, int end)
    {
        var tokens = sentence.Tokens;
        var quoted = Enumerable.Range(start, end - start).Any(i => tokens[i].InQuote);
        var (clauseStart, clauseEnd) = Clause(tokens, start, end);
        switch (kind)
        {
            case CrisisCueKind.Expression:
                if (IsAddressed(tokens, start) || Found(Lexicon.DocumentFraming, tokens))
                {
                    return (false, null);
                }
                return (true, RiskNote(tokens, start, end, quoted, clauseStart, clauseEnd));

            case CrisisCueKind.RiskTerm:
                if (!LivesIt(tokens, start, clauseStart, clauseEnd)
                    && (quoted || Found(Lexicon.Documents, tokens) || Found(Lexicon.Reported, tokens, 0, start)
                        || IsGeneralQuestion(sentence, clauseStart) || Found(Lexicon.GenericSubject, tokens, clauseStart, clauseEnd)))
                {
                    return (false, null);
                }
                return (true, RiskNote(tokens, start, end, quoted, clauseStart, clauseEnd));

            case CrisisCueKind.MedicalEvent:
            case CrisisCueKind.Mixing:
                if (quoted || Time(tokens, start, end, clauseStart, clauseEnd) == TimeFrame.Past)
                {
                    return (false, null);
                }
                if (Found(Lexicon.Future, tokens, clauseStart, start) && !Found(Lexicon.InProgress, tokens, clauseStart, clauseEnd))
                {
                    return (false, null);
                }
                var now = Found(Lexicon.HappeningNow, tokens, clauseStart, clauseEnd);
                if (!now && (Found(Lexicon.Hypothetical, tokens, clauseStart, start) || Found(Lexicon.Reported, tokens, 0, start)
                    || Found(Lexicon.Documents, tokens) || IsGeneralQuestion(sentence, clauseStart)))
                {
                    return (false, null);
                }
                if (!HasPerson(tokens) && (!now || kind == CrisisCueKind.Mixing))
                {
                    return (false, null);
                }
                return (true, AboutSomeoneElse(tokens, start, end) ? "about someone else" : null);

            case CrisisCueKind.Method:
                return Found(Lexicon.DocumentFraming, tokens) ? (false, null) : (true, quoted ? "quoted" : null);

            case CrisisCueKind.Encouragement:
                return quoted || Found(Lexicon.Reporting, tokens, 0, start) ? (false, null) : (true, null);

            default:
                return (false, null);
        }
    }

    /// <summary>
    /// A negator up to five words before the phrase, in the same clause, or in one of the phrase's gaps
    /// ("have [never] had a seizure") negates it; two negators cancel out ("can't promise I won't").
    /// "Don't know", "can't stop", "never thought" and "why don't" are not negations. "Seizure-free" is
    /// negated from behind.
    /// </summary>
    private static bool IsNegated(IReadOnlyList<CrisisToken> tokens, int start, int end, IReadOnlyList<int> gapWords)
    {
        if (end < tokens.Count && tokens[end].Text == "free")
        {
            return true;
        }
        var negators = gapWords.Count(i => Negates(tokens, i, end));
        for (var i = start - 1; i >= 0 && i >= start - 5; i--)
        {
            var token = tokens[i];
            if (token.IsBoundary || Lexicon.ClauseWords.Contains(token.Text) || Lexicon.NegationStops.Contains(token.Text))
            {
                break;
            }
            negators += Negates(tokens, i, start) ? 1 : 0;
        }
        return negators % 2 == 1;
    }

    private static bool Negates(IReadOnlyList<CrisisToken> tokens, int i, int limit)
    {
        if (!Lexicon.Negators.Contains(tokens[i].Text))
        {
            return false;
        }
        var previous = i > 0 ? tokens[i - 1].Text : "";
        return previous != "why" && !(i + 1 < limit && Lexicon.NegationExceptions.Contains(tokens[i + 1].Text));
    }

    /// <summary>The clause around a phrase: up to a boundary (comma, colon, dash) or a joining word ("but", "and", "because").</summary>
    private static (int Start, int End) Clause(IReadOnlyList<CrisisToken> tokens, int start, int end)
    {
        var from = start;
        while (from > 0 && !tokens[from - 1].IsBoundary && !Lexicon.ClauseWords.Contains(tokens[from - 1].Text))
        {
            from--;
        }
        var to = end;
        while (to < tokens.Count && !tokens[to].IsBoundary && !Lexicon.ClauseWords.Contains(tokens[to].Text))
        {
            to++;
        }
        return (from, to);
    }

    /// <summary>"You" just before a phrase without its own subject: said to someone else ("you'd be better off dead").</summary>
    private static bool IsAddressed(IReadOnlyList<CrisisToken> tokens, int start)
    {
        for (var i = Math.Max(0, start - 3); i < start; i++)
        {
            if (Lexicon.Addressed.Contains(tokens[i].Text) && (i + 1 >= tokens.Count || tokens[i + 1].Text != "know"))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Someone says they are living it: "I'm", "I feel", "anyone else", "my suicidal thoughts", "Feeling
    /// suicidal", or a particular person is the subject ("my husband might be suicidal").
    /// </summary>
    private static bool LivesIt(IReadOnlyList<CrisisToken> tokens, int start, int clauseStart, int clauseEnd) =>
        Found(Lexicon.Experience, tokens)
        || Found(Lexicon.PersonPhrases, tokens, clauseStart, clauseEnd)
        || Lexicon.ExperienceOpeners.Contains(tokens[0].Text)
        || (start > 0 && tokens[start - 1].Text == "my")
        || (start > 1 && tokens[start - 2].Text == "my");

    private static bool HasPerson(IReadOnlyList<CrisisToken> tokens) =>
        tokens.Any(t => !t.IsBoundary && Lexicon.FirstPerson.Contains(t.Text))
        || Found(Lexicon.PersonPhrases, tokens)
        || Lexicon.SubjectDropped.Contains(tokens[0].Text);

    /// <summary>A question about risk in general ("Can you have seizures if...?"), not "is it normal to..." or "what do I do?".</summary>
    private static bool IsGeneralQuestion(CrisisSentence sentence, int clauseStart) =>
        sentence.IsQuestion
        && (Lexicon.QuestionOpeners.Contains(sentence.Tokens[clauseStart].Text) || Lexicon.QuestionOpeners.Contains(sentence.Tokens[0].Text))
        && !Found(Lexicon.PersonalQuestions, sentence.Tokens);

    /// <summary>
    /// Whether the time word nearest the phrase is a past or a present one, looking in its clause first and then
    /// before it in the sentence, where a time that opens a sentence governs all of it ("Back in 2015 I went cold
    /// turkey and had convulsions"); a time word in a later clause belongs to that clause ("I had a seizure last
    /// year and now I'm hallucinating": the seizure is past, the hallucinating present). A tie counts as present.
    /// </summary>
    private static TimeFrame Time(IReadOnlyList<CrisisToken> tokens, int start, int end, int clauseStart, int clauseEnd)
    {
        var inClause = Nearest(tokens, start, end, clauseStart, clauseEnd);
        return inClause != TimeFrame.Unknown ? inClause : Nearest(tokens, start, end, 0, start);
    }

    private static TimeFrame Nearest(IReadOnlyList<CrisisToken> tokens, int start, int end, int from, int to)
    {
        var past = Distance(Lexicon.Past, tokens, start, end, from, to);
        var present = Distance(Lexicon.Present, tokens, start, end, from, to);
        if (past == int.MaxValue && present == int.MaxValue)
        {
            return TimeFrame.Unknown;
        }
        return past < present ? TimeFrame.Past : TimeFrame.Present;
    }

    private static int Distance(IReadOnlyList<CrisisPattern> markers, IReadOnlyList<CrisisToken> tokens, int start, int end, int from, int to)
    {
        var best = int.MaxValue;
        foreach (var marker in markers)
        {
            for (var i = from; i < to; i++)
            {
                var markerEnd = marker.MatchAt(tokens, i);
                if (markerEnd <= i || markerEnd > to)
                {
                    continue;
                }
                var distance = markerEnd <= start ? start - markerEnd : i >= end ? i - end : 0;
                best = Math.Min(best, distance);
            }
        }
        return best;
    }

    private static bool AboutSomeoneElse(IReadOnlyList<CrisisToken> tokens, int start, int end)
    {
        var someoneElse = Lexicon.SomeoneElse;
        for (var i = Math.Max(0, start - 4); i < end; i++)
        {
            if (someoneElse.Contains(tokens[i].Text))
            {
                return true;
            }
        }
        return false;
    }

    private static string? RiskNote(IReadOnlyList<CrisisToken> tokens, int start, int end, bool quoted, int clauseStart, int clauseEnd)
    {
        string? note = null;
        if (quoted)
        {
            note = Join(note, "quoted");
        }
        if (AboutSomeoneElse(tokens, start, end))
        {
            note = Join(note, "about someone else");
        }
        if (Time(tokens, start, end, clauseStart, clauseEnd) == TimeFrame.Past)
        {
            note = Join(note, "in the past");
        }
        return note;
    }

    private static string Join(string? note, string more) => note is null ? more : note + "; " + more;

    private static bool Found(IReadOnlyList<CrisisPattern> patterns, IReadOnlyList<CrisisToken> tokens, int from = 0, int to = int.MaxValue)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsFoundIn(tokens, from, to))
            {
                return true;
            }
        }
        return false;
    }
}
