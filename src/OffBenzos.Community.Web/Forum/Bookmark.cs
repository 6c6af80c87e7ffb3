namespace OffBenzos.Community.Web.Forum;

public class Bookmark
{
    public required string UserId { get; set; }
    public int PostId { get; set; }
    public DateTimeOffset At { get; set; }
}
