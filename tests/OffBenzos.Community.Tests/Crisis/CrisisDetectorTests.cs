using System.Globalization;
using System.Text;
using OffBenzos.Community.Web.Crisis;
using Xunit.Abstractions;

namespace OffBenzos.Community.Tests.Crisis;

public sealed class CrisisDetectorTests(ITestOutputHelper output)
{
    private static readonly CrisisDetector Detector = new();

    /// <summary>
    /// Floors per category on the evaluation set. Suicide or self-harm and medical emergencies are what the
    /// issue asks for (recall 0.95, precision 0.8). Method detail and encouraging self-harm are held for review,
    /// where a miss is still caught by the suicide lane (method) or by members' flags (encouragement): their
    /// floors are lower on recall and the same on precision.
    /// </summary>
    private static readonly Dictionary<CrisisCategory, (double Recall, double Precision)> Floors = new()
    {
        [CrisisCategory.SuicideOrSelfHarm] = (0.95, 0.80),
        [CrisisCategory.MedicalEmergency] = (0.95, 0.80),
        [CrisisCategory.MethodDetail] = (0.85, 0.80),
        [CrisisCategory.EncouragingSelfHarm] = (0.85, 0.80),
    };

    private static readonly CrisisCategory[] Categories =
    [
        CrisisCategory.SuicideOrSelfHarm,
        CrisisCategory.MedicalEmergency,
        CrisisCategory.MethodDetail,
        CrisisCategory.EncouragingSelfHarm,
    ];

    private static IReadOnlySet<CrisisCategory> Found(string text) => Detector.Assess(text).Categories;

    // ---- The evaluation set ----

    [Fact]
    public void The_evaluation_set_has_the_size_and_mix_the_issue_asks_for()
    {
        var cases = CrisisEvaluationSet.All;
        int Count(string section) => cases.Count(c => c.Section == section);

        Assert.True(cases.Count >= 300, $"{cases.Count} sentences");
        Assert.True(Count("suicide-or-self-harm") >= 60);
        Assert.True(Count("medical-emergency") >= 50);
        Assert.True(Count("method-detail") >= 30);
        Assert.True(Count("encouraging-self-harm") >= 20);
        Assert.True(Count("ordinary-taper-talk") >= 100);
        Assert.True(Count("hard-negatives") >= 60);
        Assert.Equal(cases.Count, cases.Select(c => c.Text).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Precision_and_recall_on_the_evaluation_set_meet_the_floors_for_every_category()
    {
        var results = CrisisEvaluationSet.All.Select(c => (Case: c, Found: Found(c.Text))).ToList();

        var report = new StringBuilder();
        var scores = Table(report, "Whole set", results);
        foreach (var part in results.Select(r => r.Case.Part).Distinct())
        {
            Table(report, $"Part \"{part}\"", results.Where(r => r.Case.Part == part).ToList());
        }
        report.AppendLine("Misclassified:");
        foreach (var (c, found) in results.Where(r => !r.Case.Expected.SetEquals(r.Found)))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- line {c.Line} [{c.Part}/{c.Section}] expected {Describe(c.Expected)}, found {Describe(found)}: {c.Text}");
        }
        output.WriteLine(report.ToString());

        var failures = Categories
            .Where(c => scores[c].Recall < Floors[c].Recall || scores[c].Precision < Floors[c].Precision)
            .Select(c => $"{c}: precision {scores[c].Precision:0.000} (floor {Floors[c].Precision}), recall {scores[c].Recall:0.000} (floor {Floors[c].Recall})")
            .ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures) + Environment.NewLine + report);
    }

    private static Dictionary<CrisisCategory, (double Precision, double Recall)> Table(
        StringBuilder report, string title, List<(CrisisEvaluationCase Case, IReadOnlySet<CrisisCategory> Found)> results)
    {
        var scores = new Dictionary<CrisisCategory, (double Precision, double Recall)>();
        report.AppendLine(CultureInfo.InvariantCulture, $"{title}: {results.Count} sentences");
        report.AppendLine("| Category | Labelled | Found | Correct | Precision | Recall |");
        report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var category in Categories)
        {
            var labelled = results.Count(r => r.Case.Expected.Contains(category));
            var found = results.Count(r => r.Found.Contains(category));
            var correct = results.Count(r => r.Case.Expected.Contains(category) && r.Found.Contains(category));
            var precision = found == 0 ? 1.0 : (double)correct / found;
            var recall = labelled == 0 ? 1.0 : (double)correct / labelled;
            scores[category] = (precision, recall);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {category} | {labelled} | {found} | {correct} | {precision:0.000} | {recall:0.000} |");
        }
        var none = results.Count(r => r.Case.Expected.Count == 0);
        var falseAlarms = results.Count(r => r.Case.Expected.Count == 0 && r.Found.Count > 0);
        report.AppendLine(CultureInfo.InvariantCulture, $"Sentences labelled None: {none}, of which flagged: {falseAlarms}");
        report.AppendLine(CultureInfo.InvariantCulture, $"Exactly right (every category of the sentence): {results.Count(r => r.Case.Expected.SetEquals(r.Found))} of {results.Count}");
        report.AppendLine();
        return scores;
    }

    [Fact]
    public void Ordinary_taper_talk_in_the_evaluation_set_triggers_nothing()
    {
        var ordinary = CrisisEvaluationSet.All.Where(c => c.Section == "ordinary-taper-talk").ToList();

        var triggered = ordinary.Select(c => (Case: c, Found: Found(c.Text))).Where(r => r.Found.Count > 0).ToList();

        Assert.True(ordinary.Count >= 100);
        Assert.True(triggered.Count == 0, string.Join(Environment.NewLine, triggered.Select(t => $"{t.Case} → {Describe(t.Found)}")));
    }

    private static string Describe(IReadOnlySet<CrisisCategory> categories) =>
        categories.Count == 0 ? "None" : string.Join(",", categories.Order());

    // ---- Ordinary taper talk ----

    [Theory]
    [InlineData("Cut from 1 mg to 0.875 mg clonazepam.")]
    [InlineData("Day 40 of my hold, sleep is awful.")]
    [InlineData("Down to 4 mg diazepam.")]
    [InlineData("Made a 10% cut last night and the akathisia is rough.")]
    [InlineData("I jumped off at 0.125 mg last month and I'm doing okay.")]
    [InlineData("Crossing over from Xanax to Valium with my doctor.")]
    public void Ordinary_taper_talk_is_not_a_crisis(string text)
    {
        var assessment = Detector.Assess(text);

        Assert.False(assessment.IsCrisis, string.Join("; ", assessment.Evidence.Select(e => e.Category + ": " + e.Phrase)));
        Assert.Equal(CrisisCategory.None, assessment.Primary);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void Empty_text_is_not_a_crisis(string? text)
    {
        Assert.Same(CrisisAssessment.None, Detector.Assess(text));
    }

    // ---- Normalisation ----

    [Theory]
    [InlineData("I'm SOOOO su1c1dal!!!", "im soo suicidal")]
    [InlineData("Cut from 1 mg to 0.875mg, day 40.", "cut from 1 mg to 0.875 mg , day 40")]
    [InlineData("k1ll mys3lf", "kill myself")]
    [InlineData("ki11 my$elf", "kill myself")]
    [InlineData("w4nt t0 d1e", "want to die")]
    [InlineData("k!ll", "kill")]
    [InlineData("k y s", "kill yourself")]
    [InlineData("kms", "kill myself")]
    [InlineData("I o.d. last night", "i overdose last night")]
    [InlineData("I think I OD'd", "i think i overdosed")]
    [InlineData("I'm not feeling odd", "im not feeling odd")]
    [InlineData("Súicidal", "suicidal")]
    [InlineData("ｓｕｉｃｉｄａｌ", "suicidal")]
    [InlineData("I wanna die", "i want to die")]
    [InlineData("Sentence one. Sentence two? 4 a.m. is bad", "sentence one | sentence two | 4 a m is bad")]
    public void Normalisation_folds_case_swaps_repeats_and_shorthand(string text, string expected)
    {
        Assert.Equal(expected, CrisisTextNormaliser.Normalise(text));
    }

    [Theory]
    [InlineData("feeling suicdal tonight")]
    [InlineData("im so suiside")]
    [InlineData("thinking about sucide again")]
    [InlineData("I want to k1ll mys3lf")]
    [InlineData("i want to dieeeeee")]
    [InlineData("I'm $uicidal")]
    [InlineData("Been having s*icidal thoughts")]
    [InlineData("I W4NT T0 D1E")]
    [InlineData("kms")]
    public void Misspelt_and_disguised_suicide_talk_is_found(string text)
    {
        Assert.Contains(CrisisCategory.SuicideOrSelfHarm, Found(text));
    }

    [Theory]
    [InlineData("I think I'm having a seizeure")]
    [InlineData("just had a siezure in the kitchen")]
    [InlineData("I think I o.d. on my diazepam")]
    [InlineData("I think I OD'd on my klonopin")]
    [InlineData("I overdoes on my pills last night")]
    public void Misspelt_medical_emergencies_are_found(string text)
    {
        Assert.Contains(CrisisCategory.MedicalEmergency, Found(text));
    }

    [Fact]
    public void Encouragement_spelled_out_or_misspelt_is_found()
    {
        Assert.Contains(CrisisCategory.EncouragingSelfHarm, Found("k y s"));
        Assert.Contains(CrisisCategory.EncouragingSelfHarm, Found("yu shud kil urself"));
    }

    // ---- Negation ----

    [Theory]
    [InlineData("I'm not suicidal, just exhausted.")]
    [InlineData("I have never had a seizure.")]
    [InlineData("No thoughts of ending it, just tired.")]
    [InlineData("I don't want to die, I want the insomnia to stop.")]
    [InlineData("I would never hurt myself.")]
    [InlineData("I've been seizure-free for years.")]
    [InlineData("Never stop a benzo cold turkey.")]
    public void Negated_cues_are_not_a_crisis(string text)
    {
        Assert.Empty(Found(text));
    }

    [Theory]
    [InlineData("I can't promise I won't hurt myself tonight.")]
    [InlineData("I don't know why I want to die.")]
    [InlineData("I can't stop thinking about killing myself.")]
    [InlineData("I'm not okay, I want to die.")]
    [InlineData("I never thought I'd want to die.")]
    public void Negations_that_do_not_negate_the_cue_still_find_it(string text)
    {
        Assert.Contains(CrisisCategory.SuicideOrSelfHarm, Found(text));
    }

    // ---- Past tense ----

    [Theory]
    [InlineData("I had a seizure last year when I cut too fast.")]
    [InlineData("Back in 2015 I went cold turkey and had convulsions.")]
    [InlineData("I used to hallucinate during my first taper.")]
    [InlineData("Three years ago I ran out of my clonazepam.")]
    public void Past_medical_events_are_not_an_emergency_now(string text)
    {
        Assert.DoesNotContain(CrisisCategory.MedicalEmergency, Found(text));
    }

    [Fact]
    public void A_past_event_and_a_present_one_in_one_sentence_are_told_apart()
    {
        var assessment = Detector.Assess("I had a seizure last year and now I'm hallucinating.");

        var evidence = Assert.Single(assessment.Evidence);
        Assert.Equal(CrisisCategory.MedicalEmergency, evidence.Category);
        Assert.Equal("hallucinating", evidence.Phrase);
    }

    [Fact]
    public void Past_suicidal_feelings_are_still_signposted_and_noted_as_past()
    {
        var assessment = Detector.Assess("I used to want to die every day, but now I'm doing better.");

        Assert.Equal(CrisisCategory.SuicideOrSelfHarm, assessment.Primary);
        Assert.Contains(assessment.Evidence, e => e.Note is not null && e.Note.Contains("in the past", StringComparison.Ordinal));
    }

    [Fact]
    public void A_recent_medical_event_is_an_emergency()
    {
        Assert.Contains(CrisisCategory.MedicalEmergency, Found("I had a seizure this morning after missing my dose."));
        Assert.Contains(CrisisCategory.MedicalEmergency, Found("I ran out yesterday and I'm terrified."));
    }

    // ---- Educational questions and statements ----

    [Theory]
    [InlineData("Can you have seizures if you cut too fast?")]
    [InlineData("Are hallucinations a common withdrawal symptom?")]
    [InlineData("What happens if you run out of Valium suddenly?")]
    [InlineData("Is it dangerous to drink alcohol while on diazepam?")]
    [InlineData("Withdrawal can make people feel suicidal.")]
    [InlineData("Cutting too fast can cause hallucinations in rare cases.")]
    [InlineData("I'm terrified of having a seizure when I make my next cut.")]
    public void Questions_and_statements_about_risk_are_educational(string text)
    {
        Assert.Empty(Found(text));
    }

    [Fact]
    public void Asking_whether_a_symptom_is_normal_is_treated_as_having_it()
    {
        Assert.Contains(CrisisCategory.MedicalEmergency, Found("Is it normal to hear voices in withdrawal?"));
    }

    // ---- Quotations and other people ----

    [Theory]
    [InlineData("The leaflet says seizures can happen if you stop suddenly.")]
    [InlineData("\"Do not stop taking this medicine suddenly\" is printed on my box.")]
    [InlineData("The leaflet says \"may cause thoughts of suicide or self-harm\".")]
    [InlineData("My doctor warned me that stopping abruptly can cause seizures.")]
    public void Quoted_leaflets_and_warnings_are_not_a_crisis(string text)
    {
        Assert.Empty(Found(text));
    }

    [Fact]
    public void Someone_else_wanting_to_die_is_signposted_and_noted()
    {
        var assessment = Detector.Assess("My friend said she wanted to die last night.");

        Assert.Equal(CrisisCategory.SuicideOrSelfHarm, assessment.Primary);
        Assert.Contains(assessment.Evidence, e => e.Note is not null && e.Note.Contains("about someone else", StringComparison.Ordinal));
    }

    [Fact]
    public void Someone_else_having_a_seizure_now_is_an_emergency()
    {
        Assert.Contains(CrisisCategory.MedicalEmergency, Found("My husband is having a seizure right now, what do I do?"));
    }

    [Theory]
    [InlineData("If someone tells you to kill yourself, report it.")]
    [InlineData("Please don't listen to anyone who says you'd be better off dead.")]
    [InlineData("He messaged me \"kys\" and I reported it.")]
    public void Reporting_or_warning_about_encouragement_is_not_encouragement(string text)
    {
        Assert.DoesNotContain(CrisisCategory.EncouragingSelfHarm, Found(text));
    }

    // ---- Jokes and idioms ----

    [Theory]
    [InlineData("This tax form is killing me.")]
    [InlineData("I could die of embarrassment.")]
    [InlineData("Dying to know how your cut went!")]
    [InlineData("I'd kill for a full night's sleep.")]
    [InlineData("You need to cut yourself some slack.")]
    [InlineData("I'm taking my life back one cut at a time.")]
    public void Idioms_about_dying_and_killing_are_not_a_crisis(string text)
    {
        Assert.Empty(Found(text));
    }

    // ---- Method detail, encouragement and precedence ----

    [Theory]
    [InlineData("I've been saving up my pills.")]
    [InlineData("How many would it take?")]
    [InlineData("What's the lethal dose of diazepam?")]
    [InlineData("I'm going to take all 60 of my clonazepam tonight.")]
    public void Method_detail_is_held_and_also_signposted(string text)
    {
        var assessment = Detector.Assess(text);

        Assert.Equal(CrisisCategory.MethodDetail, assessment.Primary);
        Assert.Contains(CrisisCategory.SuicideOrSelfHarm, assessment.Categories);
        Assert.True(assessment.ShouldHold);
        Assert.True(assessment.ShouldSignpost);
    }

    [Theory]
    [InlineData("How many weeks would it take to taper from 10 mg?")]
    [InlineData("I'm saving up for a scale to weigh my doses.")]
    [InlineData("I'm saving my leftover tablets to take back to the pharmacy.")]
    public void Taper_arithmetic_and_saving_up_for_a_scale_are_not_method_detail(string text)
    {
        Assert.Empty(Found(text));
    }

    [Fact]
    public void Encouraging_someone_else_is_held_but_does_not_signpost_the_writer()
    {
        var assessment = Detector.Assess("You should just kill yourself.");

        Assert.Equal(CrisisCategory.EncouragingSelfHarm, assessment.Primary);
        Assert.DoesNotContain(CrisisCategory.SuicideOrSelfHarm, assessment.Categories);
        Assert.True(assessment.ShouldHold);
        Assert.False(assessment.ShouldSignpost);
    }

    [Theory]
    [InlineData("Go jump in front of a train.")]
    [InlineData("You should have just overdosed and spared us.")]
    public void Encouragement_is_not_read_as_the_writers_own_risk_or_an_emergency(string text)
    {
        Assert.True(Found(text).SetEquals([CrisisCategory.EncouragingSelfHarm]));
    }

    [Fact]
    public void Suicide_risk_comes_before_a_medical_emergency_and_holding_categories_before_both()
    {
        Assert.Equal(CrisisCategory.SuicideOrSelfHarm, Detector.Assess("I took all my pills on purpose.").Primary);
        Assert.Equal(
            [CrisisCategory.MethodDetail, CrisisCategory.EncouragingSelfHarm, CrisisCategory.SuicideOrSelfHarm, CrisisCategory.MedicalEmergency],
            CrisisAssessment.Precedence);
    }

    [Fact]
    public void A_text_can_be_in_several_categories_with_evidence_for_each()
    {
        var assessment = Detector.Assess("I can't do this anymore. I ran out of my Xanax three days ago and I'm hearing voices.");

        Assert.True(assessment.Categories.SetEquals([CrisisCategory.SuicideOrSelfHarm, CrisisCategory.MedicalEmergency]));
        Assert.Contains(assessment.Evidence, e => e.Category == CrisisCategory.SuicideOrSelfHarm && e.Sentence == "I can't do this anymore.");
        Assert.Contains(assessment.Evidence, e => e.Category == CrisisCategory.MedicalEmergency && e.Phrase == "hearing voices");
        Assert.Contains(assessment.Evidence, e => e.Category == CrisisCategory.MedicalEmergency && e.Phrase.StartsWith("ran out of", StringComparison.Ordinal));
    }

    // ---- Robustness ----

    [Fact]
    public void One_detector_gives_the_same_answers_on_many_threads()
    {
        var cases = CrisisEvaluationSet.All;
        var expected = cases.Select(c => Found(c.Text)).ToArray();
        var mismatches = 0;

        Parallel.For(0, cases.Count * 4, i =>
        {
            var index = i % cases.Count;
            if (!Detector.Assess(cases[index].Text).Categories.SetEquals(expected[index]))
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void A_very_long_text_of_repeated_characters_and_words_is_handled()
    {
        var text = new string('a', 100_000) + " " + string.Concat(Enumerable.Repeat("I want to ", 5_000)) + string.Concat(Enumerable.Repeat("!?.,", 5_000));

        var assessment = Detector.Assess(text);

        Assert.False(assessment.IsCrisis);
    }
}
