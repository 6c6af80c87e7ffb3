namespace OffBenzos.Community.Web.Forum;

/// <summary>
/// What a member is writing, saved as they type: one per composer ("reply:{threadId}",
/// "thread:{groupId}", "edit:{postId}"), so it survives timeouts, restarts and a change of device.
/// </summary>
public class Draft
{
    public required string UserId { get; set; }
    public required string Key { get; set; }
    public string? Title { get; set; }
    public required string Markdown { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
