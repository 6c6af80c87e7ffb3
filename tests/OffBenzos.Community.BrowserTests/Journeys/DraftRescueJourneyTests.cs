using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OffBenzos.Community.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OffBenzos.Community.BrowserTests.Journeys;

public sealed partial class DraftRescueJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task A_long_reply_written_as_the_session_expires_is_back_in_the_composer_after_signing_in_again() => Journey.RunAsync(fixture, async journey =>
    {
        var app = journey.App;
        var group = await app.CreateGroupAsync("Long nights");
        var user = await app.CreateUserAsync("Sleepless Robin");
        await app.AddMemberAsync(group, user);
        var thread = await app.CreateThreadAsync(group, user, "Writing it all down", "I'll keep a log here.");
        var member = await journey.SignedInAsync(user);
        await member.GoToAsync(Fixtures.ThreadPath(group, thread.Id));

        var paragraphs = Enumerable.Range(1, 12).Select(n =>
            $"Night {n}: woke at 3 a.m. again, heart racing, then the usual wave of dread. I tried the breathing, a warm drink, a slow walk around the flat. It passed after an hour or so.");
        var firstPart = string.Join("\n\n", paragraphs);
        var reply = member.Page.GetByLabel("Your reply");
        await reply.FillAsync(firstPart);
        var status = member.Page.Locator(".draft-status");
        await Expect(status).ToHaveTextAsync("Draft saved.");

        // A month goes by with the page open: the sign-in has expired while they write the last words.
        app.Clock.Advance(TimeSpan.FromDays(31));
        member.ExpectConsoleErrors(DraftRefused());
        var whole = firstPart + "\n\nThank you all for reading this far. It helps to write it down.";
        await reply.FillAsync(whole);
        await Expect(status).ToHaveTextAsync("Saved in this browser. Sign in again and it will be here.");

        await member.Page.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Expect(member.Page).ToHaveURLAsync(LoginPage());
        await member.Page.GetByLabel("E-mail").FillAsync(user.Email);
        await member.Page.GetByLabel("Passphrase").FillAsync(user.Password);
        await member.Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(member.Page.GetByRole(AriaRole.Heading, new() { Name = "Writing it all down" })).ToBeVisibleAsync();
        await Expect(member.Page.Locator("#reply").GetByRole(AriaRole.Status).First).ToContainTextAsync("We kept what you were writing when you were signed out.");
        await Expect(reply).ToHaveValueAsync(whole);
        Assert.Single(await app.PostsAsync(thread.Id));

        // And it posts as it was.
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Expect(member.Page.Locator("li.post").Last).ToContainTextAsync("Thank you all for reading this far.");
        Assert.Equal(2, (await app.PostsAsync(thread.Id)).Count);
    });

    [GeneratedRegex(@"status of 401 .*/api/drafts/")]
    private static partial Regex DraftRefused();

    [GeneratedRegex("/Identity/Account/Login")]
    private static partial Regex LoginPage();
}
