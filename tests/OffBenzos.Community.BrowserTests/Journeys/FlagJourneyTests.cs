using Microsoft.Playwright;
using OffBenzos.Community.BrowserTests.Infrastructure;
using OffBenzos.Community.Web.Authorization;
using static Microsoft.Playwright.Assertions;

namespace OffBenzos.Community.BrowserTests.Journeys;

public sealed class FlagJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task A_flagged_post_is_claimed_and_hidden_by_a_moderator_with_two_factor_and_its_author_is_told_why() => Journey.RunAsync(fixture, async journey =>
    {
        var app = journey.App;
        var group = await app.CreateGroupAsync("Morning check-ins");
        var starter = await app.CreateUserAsync("Patient Otter");
        var author = await app.CreateUserAsync("Sharp Jay");
        var flaggerUser = await app.CreateUserAsync("Gentle Fox");
        foreach (var user in new[] { starter, author, flaggerUser })
        {
            await app.AddMemberAsync(group, user);
        }
        var thread = await app.CreateThreadAsync(group, starter, "Day 12 of my hold", "Holding at 2 mg for a fortnight before the next cut.",
            (author, "You are weak and pathetic, just quit already."));
        var moderatorUser = await app.CreateUserAsync("Steady Moderator", roles: SiteRoles.Moderator);
        var key = await app.EnableTwoFactorAsync(moderatorUser);

        var flagger = await journey.SignedInAsync(flaggerUser);
        await flagger.GoToAsync(Fixtures.ThreadPath(group, thread.Id));
        var post = flagger.Page.Locator("li.post", new() { HasText = "You are weak and pathetic" });
        await post.GetByRole(AriaRole.Link, new() { Name = "Flag", Exact = true }).ClickAsync();
        await flagger.Page.GetByLabel("Harassment or hate").CheckAsync();
        await flagger.Page.GetByLabel("A note for the moderator").FillAsync("This is aimed at Patient Otter.");
        await flagger.Page.GetByRole(AriaRole.Button, new() { Name = "Send to the moderators" }).ClickAsync();
        await Expect(flagger.Page.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();

        var moderator = await journey.PersonAsync("moderator");
        await moderator.SignInWithTwoFactorAsync(moderatorUser, key);
        await moderator.Page.GetByRole(AriaRole.Link, new() { Name = "Moderation" }).ClickAsync();
        await moderator.Page.GetByRole(AriaRole.Link, new() { Name = "Review: post by Sharp Jay" }).ClickAsync();
        await Expect(moderator.Page.Locator("main")).ToContainTextAsync("This is aimed at Patient Otter.");
        await moderator.Page.GetByRole(AriaRole.Button, new() { Name = "Claim it, so others know you're on it" }).ClickAsync();
        await Expect(moderator.Page.GetByText("You hold this item.")).ToBeVisibleAsync();
        await moderator.Page.GetByLabel("Agree: the flags are right").CheckAsync();
        await moderator.Page.GetByLabel("Hide it (can be restored)").CheckAsync();
        await moderator.Page.GetByLabel("Reason (the author sees this when you agree)").FillAsync("Personal attacks are not allowed here.");
        await moderator.Page.GetByRole(AriaRole.Button, new() { Name = "Decide" }).ClickAsync();
        await Expect(moderator.Page).ToHaveURLAsync(app.Url("/moderation"));
        await Expect(moderator.Page.Locator("[data-queue-region]")).ToContainTextAsync("Nothing is waiting.");

        var writer = await journey.SignedInAsync(author);
        await Expect(writer.Page.GetByRole(AriaRole.Link, new() { Name = "Notifications, 1 unread" })).ToBeVisibleAsync();
        await writer.Page.GetByRole(AriaRole.Link, new() { Name = "Notifications, 1 unread" }).ClickAsync();
        var notice = writer.Page.Locator("li", new() { HasText = "A note from the moderators about" });
        await Expect(notice).ToContainTextAsync("Reason: Personal attacks are not allowed here.");
        await Expect(notice.GetByRole(AriaRole.Link, new() { Name = "Appeal this decision" })).ToBeVisibleAsync();

        // The others see the post is gone; its words are not on the page.
        await flagger.GoToAsync(Fixtures.ThreadPath(group, thread.Id));
        await Expect(flagger.Page.Locator("main")).Not.ToContainTextAsync("You are weak and pathetic");
        await Expect(flagger.Page.Locator("li.post").Nth(1)).ToContainTextAsync("hidden");
    });
}
