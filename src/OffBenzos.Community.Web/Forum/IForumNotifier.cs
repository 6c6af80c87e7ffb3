namespace OffBenzos.Community.Web.Forum;

/// <summary>Tells readers about forum changes as they happen. Services call this, never a hub directly.</summary>
public interface IForumNotifier
{
    /// <summary>A new post is visible in a thread.</summary>
    Task PostAddedAsync(int threadId, int postId, int number);
}
