using Microsoft.Extensions.DependencyInjection;
using OffBenzos.Community.Web.Chat;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Tests.Infrastructure;

public static class ChatFixtures
{
    /// <summary>The group's room, made as the chat page makes it.</summary>
    public static async Task<int> RoomOfAsync(this CommunityApp app, Group group)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ChatService>().RoomForGroupAsync(group.Id)).Id;
    }

    /// <summary>A member of <paramref name="group"/> signed in, with a chat connection in its room.</summary>
    public static async Task<(CommunityApp.TestUser User, ChatTestClient Chat, string Cookie)> ChatMemberAsync(this CommunityApp app, Group group, int roomId,
        GroupRole role = GroupRole.Member, string? name = null, string? country = null)
    {
        var user = await app.CreateUserAsync(displayName: name, country: country);
        await app.AddMemberAsync(group, user, role);
        var (_, cookie) = await app.SignInAsync(user);
        var chat = await ChatTestClient.ConnectAsync(app, cookie);
        var joined = await chat.JoinAsync(roomId);
        Assert.True(joined.Ok, joined.Error);
        return (user, chat, cookie);
    }
}
