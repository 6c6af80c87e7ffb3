using Microsoft.Playwright;
using OffBenzos.Community.BrowserTests.Infrastructure;
using OffBenzos.Community.Web.Authorization;
using static Microsoft.Playwright.Assertions;

namespace OffBenzos.Community.BrowserTests.Journeys;

public sealed class CrisisJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task A_reply_in_crisis_shows_the_members_own_lines_first_and_posted_anyway_tops_the_moderators_live_queue() => Journey.RunAsync(fixture, async journey =>
    {
        var app = journey.App;
        var group = await app.CreateGroupAsync("Evenings");
        var author = await app.CreateUserAsync("Patient Otter");
        var member = await app.CreateUserAsync("Tired Tamsin", country: "IE");
        var bystander = await app.CreateUserAsync("Kind Wren");
        foreach (var user in new[] { author, member, bystander })
        {
            await app.AddMemberAsync(group, user);
        }
        var thread = await app.CreateThreadAsync(group, author, "Bad night", "Anyone else awake? The 3 a.m. wake-ups are back.",
            (bystander, "Buy cheap pills from my friend, message me."));
        // Something ordinary already waits, so that "at the top" means something.
        await app.FlagPostAsync(author, (await app.PostsAsync(thread.Id))[1].Id);

        var moderatorUser = await app.CreateUserAsync("Steady Moderator", roles: SiteRoles.Moderator);
        var moderator = await journey.PersonAsync("moderator");
        await moderator.SignInWithTwoFactorAsync(moderatorUser, await app.EnableTwoFactorAsync(moderatorUser));
        await moderator.GoToAsync("/moderation");
        var queue = moderator.Page.Locator("[data-queue-region] li");
        await Expect(queue).ToHaveCountAsync(1);
        await Expect(queue.First).ToContainTextAsync("Review: post by Kind Wren");
        // The page's two subscriptions (crisis alerts and the queue) are in place before anything happens.
        await moderator.WaitForHubCallsAsync("WatchQueue", 2);

        var writer = await journey.SignedInAsync(member);
        await writer.GoToAsync(Fixtures.ThreadPath(group, thread.Id));
        const string text = "Everyone would be better off without me. I don't want to wake up tomorrow.";
        await writer.Page.GetByLabel("Your reply").FillAsync(text);
        await writer.Page.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();

        var check = writer.Page.GetByRole(AriaRole.Alertdialog, new() { Name = "Before you post: you're not alone" });
        await Expect(check).ToBeVisibleAsync();
        // Ireland's lines, because that is where this member lives.
        await Expect(check).ToContainTextAsync("Samaritans Ireland");
        await Expect(check).ToContainTextAsync("Pieta");
        await Expect(check.GetByRole(AriaRole.Link, new() { Name = "Call" }).First).ToHaveAttributeAsync("href", "tel:116123");
        await Expect(writer.Page.GetByLabel("Your reply")).ToHaveValueAsync(text);
        Assert.Equal(2, (await app.PostsAsync(thread.Id)).Count);

        await check.GetByRole(AriaRole.Button, new() { Name = "Post it" }).ClickAsync();
        await Expect(writer.Page.Locator("li.post").Last).ToContainTextAsync("I don't want to wake up tomorrow.");

        // In the moderator's browser, without a reload: an alert, and the crisis item above the older one.
        await Expect(moderator.Page.GetByRole(AriaRole.Link, new() { Name = "A crisis item is waiting: open it" })).ToBeVisibleAsync();
        await Expect(queue).ToHaveCountAsync(2);
        await Expect(queue.First).ToContainTextAsync("Crisis: post by Tired Tamsin");
        await Expect(queue.Nth(1)).ToContainTextAsync("Review: post by Kind Wren");
        await Expect(moderator.Page.Locator("[data-queue-status]")).ToContainTextAsync("1 crisis");
    });
}
