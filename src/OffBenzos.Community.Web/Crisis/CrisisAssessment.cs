namespace OffBenzos.Community.Web.Crisis;

/// <summary>
/// The crisis detector's verdict on one text.
/// </summary>
public sealed record CrisisAssessment
{
    /// <summary>
    /// The order in which categories win <see cref="Primary"/>. Categories that get a text held come first
    /// because holding is the strongest automatic action and a held text still signposts (signposting reads
    /// <see cref="Categories"/>, not <see cref="Primary"/>). Suicide or self-harm comes before a medical
    /// emergency to match the review queue, where the crisis lane is above the medical lane.
    /// </summary>
    public static IReadOnlyList<CrisisCategory> Precedence { get; } =
    [
        CrisisCategory.MethodDetail,
        CrisisCategory.EncouragingSelfHarm,
        CrisisCategory.SuicideOrSelfHarm,
        CrisisCategory.MedicalEmergency,
    ];

    /// <summary>The assessment of a text with nothing in it.</summary>
    public static CrisisAssessment None { get; } = new(new HashSet<CrisisCategory>(), []);

    public CrisisAssessment(IReadOnlySet<CrisisCategory> categories, IReadOnlyList<CrisisEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(evidence);
        Categories = categories;
        Evidence = evidence;
        Primary = Precedence.FirstOrDefault(categories.Contains, CrisisCategory.None);
    }

    /// <summary>Every category found; empty when nothing was found (it never contains <see cref="CrisisCategory.None"/>).</summary>
    public IReadOnlySet<CrisisCategory> Categories { get; }

    /// <summary>The most severe category by <see cref="Precedence"/>, or <see cref="CrisisCategory.None"/>.</summary>
    public CrisisCategory Primary { get; }

    /// <summary>The matched phrases behind each category, in text order, for moderators.</summary>
    public IReadOnlyList<CrisisEvidence> Evidence { get; }

    /// <summary>True when anything was found.</summary>
    public bool IsCrisis => Categories.Count > 0;

    /// <summary>True when the text must be held for a moderator before anyone else sees it.</summary>
    public bool ShouldHold => Categories.Contains(CrisisCategory.MethodDetail) || Categories.Contains(CrisisCategory.EncouragingSelfHarm);

    /// <summary>True when the writer should be shown crisis lines or the emergency number.</summary>
    public bool ShouldSignpost => Categories.Contains(CrisisCategory.SuicideOrSelfHarm) || Categories.Contains(CrisisCategory.MedicalEmergency);

    public bool Has(CrisisCategory category) => Categories.Contains(category);
}
