namespace OffBenzos.Community.Web.Moderation;

/// <summary>The words members and moderators see for each reason.</summary>
public static class FlagReasons
{
    public static string Describe(FlagReason reason) => reason switch
    {
        FlagReason.Crisis => "Someone may be in crisis or at risk of self-harm",
        FlagReason.DangerousAdvice => "Dangerous dosing or tapering advice (for example, advice to stop abruptly)",
        FlagReason.Harassment => "Harassment or hate",
        FlagReason.SpamOrDrugs => "Spam, selling or sourcing drugs",
        FlagReason.ContactDetails => "Sharing contact details or moving people off the site",
        FlagReason.OffTopic => "Off-topic",
        _ => "Something else",
    };
}
