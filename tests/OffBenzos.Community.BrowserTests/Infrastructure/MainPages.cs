using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OffBenzos.Community.BrowserTests.Infrastructure;

/// <summary>The main pages of the demo community, who sees each, and when each has finished drawing itself.</summary>
public static class MainPages
{
    public enum Viewer
    {
        Visitor,
        Member,
        Moderator,
    }

    public sealed record MainPage(string Name, Viewer Viewer, Func<DemoCommunityFixture, string> Path, Func<IPage, Task>? Ready = null);

    public static IReadOnlyList<MainPage> All { get; } =
    [
        new("home", Viewer.Member, _ => "/"),
        new("groups", Viewer.Member, _ => "/groups"),
        new("group", Viewer.Member, _ => "/groups/tapering-together"),
        new("thread", Viewer.Member, f => f.ThreadPath),
        new("composer", Viewer.Member, _ => "/groups/tapering-together/new"),
        new("chat-room", Viewer.Member, _ => "/groups/tapering-together/chat", ChatReadyAsync),
        new("sessions", Viewer.Member, _ => "/sessions"),
        new("session", Viewer.Member, _ => "/sessions/1", SessionReadyAsync),
        new("crisis", Viewer.Member, _ => "/crisis"),
        new("profile", Viewer.Member, _ => "/Identity/Account/Manage"),
        new("your-data", Viewer.Member, _ => "/Identity/Account/Manage/Privacy"),
        new("privacy", Viewer.Visitor, _ => "/privacy"),
        new("moderation-queue", Viewer.Moderator, _ => "/moderation"),
        new("sign-in", Viewer.Visitor, _ => "/Identity/Account/Login"),
        new("register", Viewer.Visitor, _ => "/Identity/Account/Register"),
        new("home-visitor", Viewer.Visitor, _ => "/"),
    ];

    /// <summary>A browser for <paramref name="viewer"/> (signed in as the demo member or moderator, or not at all).</summary>
    public static async Task<Person> OpenAsync(Journey journey, DemoCommunityFixture fixture, Viewer viewer, BrowserNewContextOptions options)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(fixture);
        var person = await journey.PersonAsync(viewer.ToString().ToLowerInvariant(), options);
        switch (viewer)
        {
            case Viewer.Member:
                await person.SignInAsync(fixture.Member);
                break;
            case Viewer.Moderator:
                await person.SignInWithTwoFactorAsync(fixture.Moderator, fixture.ModeratorKey);
                break;
            default:
                break;
        }
        return person;
    }

    /// <summary>Opens the page and waits until its live parts have drawn.</summary>
    public static async Task ShowAsync(Person person, DemoCommunityFixture fixture, MainPage page)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(page);
        var response = await person.GoToAsync(page.Path(fixture));
        Assert.True(response is { Ok: true }, $"{page.Name} answered {response?.Status}");
        if (page.Ready is not null)
        {
            await page.Ready(person.Page);
        }
    }

    /// <summary>A session's lobby: the room's frame has connected.</summary>
    private static async Task SessionReadyAsync(IPage page) =>
        await Expect(page.Locator("[data-chat-status]")).ToBeHiddenAsync();

    private static async Task ChatReadyAsync(IPage page)
    {
        await Expect(page.Locator("[data-chat-messages] .chat-message").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-chat-status]")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-chat-present] li").First).ToBeVisibleAsync();
    }
}
