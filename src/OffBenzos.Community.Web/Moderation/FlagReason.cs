namespace OffBenzos.Community.Web.Moderation;

public enum FlagReason
{
    /// <summary>Someone may be in crisis or at risk of self-harm: goes to the crisis lane.</summary>
    Crisis,

    /// <summary>Dangerous dosing or tapering advice, for example advice to stop abruptly.</summary>
    DangerousAdvice,

    Harassment,

    /// <summary>Spam, selling or sourcing drugs.</summary>
    SpamOrDrugs,

    /// <summary>Sharing contact details or moving people off the site.</summary>
    ContactDetails,

    OffTopic,

    /// <summary>Something else: a note is required.</summary>
    Other,
}
