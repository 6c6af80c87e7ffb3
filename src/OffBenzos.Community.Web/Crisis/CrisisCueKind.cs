namespace OffBenzos.Community.Web.Crisis;

/// <summary>Which context rules a cue answers to (see <see cref="CrisisDetector"/>).</summary>
internal enum CrisisCueKind
{
    /// <summary>Someone saying they (or a person they know) want to die or harm themselves. Only negation, a
    /// document being described, or being addressed to "you" cancel it; past tense and reported speech do not.</summary>
    Expression,

    /// <summary>A risk word on its own ("suicidal", "self-harm"): also cancelled by educational framing when no
    /// one says they are living it.</summary>
    RiskTerm,

    /// <summary>A medical event. Cancelled by negation, the distant past, fear or hypotheticals, reported or
    /// educational framing and general questions, unless the text says it is happening now.</summary>
    MedicalEvent,

    /// <summary>Alcohol or opioids with a benzodiazepine: a medical event that also needs someone taking them.</summary>
    Mixing,

    /// <summary>Method detail: cancelled only by negation or a document being described.</summary>
    Method,

    /// <summary>Urging someone else to harm themselves: cancelled by negation, quotation or reporting it.</summary>
    Encouragement,
}
