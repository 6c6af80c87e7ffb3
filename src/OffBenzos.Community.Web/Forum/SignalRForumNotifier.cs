using Microsoft.AspNetCore.SignalR;

namespace OffBenzos.Community.Web.Forum;

public sealed class SignalRForumNotifier(IHubContext<ForumHub, IForumClient> hub) : IForumNotifier
{
    public Task PostAddedAsync(int threadId, int postId, int number) =>
        hub.Clients.Group(ForumHub.ThreadGroup(threadId)).NewPost(threadId, postId, number);
}
