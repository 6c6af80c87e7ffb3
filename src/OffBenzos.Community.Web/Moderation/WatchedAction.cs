namespace OffBenzos.Community.Web.Moderation;

/// <summary>What a watched word does, strongest first.</summary>
public enum WatchedAction
{
    /// <summary>Refused, with a message that says which rule.</summary>
    Block,

    /// <summary>Held until a moderator approves it.</summary>
    RequireApproval,

    /// <summary>Published, and a review item opened in the crisis lane.</summary>
    Crisis,

    /// <summary>Published, and a review item opened.</summary>
    Flag,
}
