namespace OffBenzos.Community.Web.Forum;

/// <summary>A post as it was before an edit. Visible to the author and moderators.</summary>
public class PostRevision
{
    public long Id { get; set; }
    public int PostId { get; set; }
    public required string Markdown { get; set; }
    public required string Html { get; set; }

    /// <summary>When this version was written (the post's creation or a previous edit).</summary>
    public DateTimeOffset WrittenAt { get; set; }

    public required string EditorId { get; set; }
}
