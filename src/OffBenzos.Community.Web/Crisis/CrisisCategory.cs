namespace OffBenzos.Community.Web.Crisis;

/// <summary>
/// What the crisis detector found in a text. A text can be in several categories at once; see
/// <see cref="CrisisAssessment.Primary"/> for the order of precedence.
/// </summary>
public enum CrisisCategory
{
    /// <summary>Nothing that needs signposting or review.</summary>
    None = 0,

    /// <summary>Suicidal thoughts, wishes to die or self-harm, the writer's own or someone else's they report.</summary>
    SuicideOrSelfHarm,

    /// <summary>
    /// Something happening now that needs urgent medical help: a seizure or convulsions, hallucinations,
    /// confusion or delirium, an overdose, mixing with opioids or alcohol, stopping abruptly or having run out.
    /// </summary>
    MedicalEmergency,

    /// <summary>Means, quantities with intent, stockpiling, lethal-dose questions. Held for review, never shown.</summary>
    MethodDetail,

    /// <summary>Telling someone else to harm or kill themselves. Held for review, never shown.</summary>
    EncouragingSelfHarm,
}
