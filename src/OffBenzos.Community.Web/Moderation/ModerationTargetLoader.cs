using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;

namespace OffBenzos.Community.Web.Moderation;

/// <summary>Loads a target of any type by its type and id, for flags, the queue and decisions.</summary>
public sealed class ModerationTargetLoader(CommunityDb db)
{
    public async Task<ModerationTarget?> LoadAsync(string type, string id)
    {
        switch (type)
        {
            case ModerationTargets.Post when int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var postId):
                // The id as the database writes it ("07" is post 7): one target, one key, whatever was typed.
                id = postId.ToString(CultureInfo.InvariantCulture);
                return await db.Posts.AsNoTracking().Where(p => p.Id == postId)
                    .Join(db.Threads, p => p.ThreadId, t => t.Id, (p, t) => new ModerationTarget(
                        ModerationTargets.Post, id, t.GroupId, p.AuthorId, t.Title, p.Markdown, "/posts/" + id))
                    .SingleOrDefaultAsync();
            case ModerationTargets.Thread when int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var threadId):
                var thread = await db.Threads.AsNoTracking().SingleOrDefaultAsync(t => t.Id == threadId);
                if (thread is null)
                {
                    return null;
                }
                var first = await db.Posts.AsNoTracking().Where(p => p.ThreadId == threadId && p.Number == 1).Select(p => new { p.Id, p.Markdown }).FirstOrDefaultAsync();
                return new ModerationTarget(ModerationTargets.Thread, threadId.ToString(CultureInfo.InvariantCulture), thread.GroupId, thread.AuthorId, thread.Title,
                    thread.Title + "\n\n" + (first?.Markdown ?? ""), first is null ? "/groups" : $"/posts/{first.Id}");
            case ModerationTargets.ChatMessage when long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var messageId):
                id = messageId.ToString(CultureInfo.InvariantCulture);
                return await db.ChatMessages.AsNoTracking().Where(m => m.Id == messageId)
                    .Join(db.ChatRooms, m => m.RoomId, r => r.Id, (m, r) => new { m.AuthorId, m.Text, r.GroupId })
                    .Join(db.Groups, x => x.GroupId, g => g.Id, (x, g) => new ModerationTarget(
                        ModerationTargets.ChatMessage, id, g.Id, x.AuthorId, "Chat message in " + g.Name, x.Text, "/chat/messages/" + id))
                    .SingleOrDefaultAsync();
            case ModerationTargets.Appeal when long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var appealId):
                id = appealId.ToString(CultureInfo.InvariantCulture);
                return await db.Appeals.AsNoTracking().Where(a => a.Id == appealId)
                    .Select(a => new ModerationTarget(ModerationTargets.Appeal, id, null, a.UserId, "Appeal against " + a.DecisionKey, a.Text, "/moderation"))
                    .SingleOrDefaultAsync();
            case ModerationTargets.Profile:
                return await db.Users.AsNoTracking().Where(u => u.Id == id)
                    .Select(u => new ModerationTarget(ModerationTargets.Profile, u.Id, null, u.Id, u.DisplayName, "Display name: " + u.DisplayName, "/moderation"))
                    .SingleOrDefaultAsync();
            default:
                return null;
        }
    }

    /// <summary>Whether a post (in a published thread) or a thread is published: what members see.</summary>
    public async Task<bool> IsPublishedAsync(string type, string id) => type switch
    {
        ModerationTargets.Post when int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var postId) =>
            await db.Posts.AnyAsync(p => p.Id == postId && p.State == ContentState.Visible
                && db.Threads.Any(t => t.Id == p.ThreadId && t.State == ContentState.Visible)),
        ModerationTargets.Thread when int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var threadId) =>
            await db.Threads.AnyAsync(t => t.Id == threadId && t.State == ContentState.Visible),
        _ => false,
    };

    /// <summary>
    /// Sets a post's, thread's or chat message's state; returns the state before, or null for targets
    /// without one. Call inside a transaction: publishing a held chat message takes the room's next sequence.
    /// </summary>
    public async Task<ContentState?> SetStateAsync(string type, string id, ContentState state)
    {
        switch (type)
        {
            case ModerationTargets.Post:
                var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == int.Parse(id, CultureInfo.InvariantCulture));
                if (post is null)
                {
                    return null;
                }
                var postBefore = post.State;
                post.State = state;
                if (post.Number == 1)
                {
                    // A new thread held with its first post is published or removed with it.
                    var held = await db.Threads.SingleOrDefaultAsync(t => t.Id == post.ThreadId && t.State == ContentState.PendingApproval);
                    held?.State = state;
                }
                return postBefore;
            case ModerationTargets.ChatMessage:
                var message = await db.ChatMessages.SingleOrDefaultAsync(m => m.Id == long.Parse(id, CultureInfo.InvariantCulture));
                if (message is null)
                {
                    return null;
                }
                var messageBefore = message.State;
                if (state == ContentState.Visible && message.Sequence is null)
                {
                    // A held message is said when it is published: it takes its place at the end of the room.
                    message.Sequence = await Chat.ChatService.NextSequenceAsync(db, message.RoomId);
                }
                message.State = state;
                return messageBefore;
            case ModerationTargets.Thread:
                var thread = await db.Threads.SingleOrDefaultAsync(t => t.Id == int.Parse(id, CultureInfo.InvariantCulture));
                if (thread is null)
                {
                    return null;
                }
                var threadBefore = thread.State;
                thread.State = state;
                return threadBefore;
            default:
                return null;
        }
    }
}
