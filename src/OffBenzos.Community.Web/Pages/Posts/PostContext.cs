using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Pages.Posts;

/// <summary>A post with its thread and the reader's standing in the group, for the post pages.</summary>
public sealed record PostContext(Post Post, ForumThread Thread, GroupAccess.Standing Standing)
{
    public string ThreadPath => $"/groups/{Standing.Group.Slug}/threads/{Thread.Id}";

    /// <summary>Null when the post does not exist or the reader may not see it.</summary>
    public static async Task<PostContext?> LoadAsync(CommunityDb db, GroupAccess access, int postId, bool track = false)
    {
        var posts = track ? db.Posts : db.Posts.AsNoTracking();
        var post = await posts.SingleOrDefaultAsync(p => p.Id == postId);
        if (post is null)
        {
            return null;
        }
        var thread = await db.Threads.AsNoTracking().SingleAsync(t => t.Id == post.ThreadId);
        var standing = await access.ForGroupIdAsync(thread.GroupId);
        if (standing is null || !standing.CanRead || (thread.State != ContentState.Visible && !standing.CanModerate))
        {
            return null;
        }
        return new PostContext(post, thread, standing);
    }
}
