using Microsoft.Playwright;
using OffBenzos.Community.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OffBenzos.Community.BrowserTests.Journeys;

public sealed class NewcomerJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task A_newcomer_registers_confirms_joins_a_group_and_starts_a_thread_in_Markdown_on_a_phone() => Journey.RunAsync(fixture, async journey =>
    {
        var app = journey.App;
        var group = await app.CreateGroupAsync("Slow and steady");
        var email = $"newcomer-{Guid.NewGuid():N}@example.org";
        var newcomer = await journey.PersonAsync("newcomer", new() { ViewportSize = Chromium.Phone, IsMobile = true, HasTouch = true });
        var page = newcomer.Page;

        await newcomer.GoToAsync("/");
        // Safety first: the crisis lines are the first thing on a 390-pixel screen, with no scrolling.
        await Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "Crisis help" })).ToBeInViewportAsync(new() { Ratio = 1 });

        await page.GetByRole(AriaRole.Link, new() { Name = "Join", Exact = true }).ClickAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync("Quiet Heron");
        await page.GetByLabel("Passphrase", new() { Exact = true }).FillAsync("lantern meadow pocket river");
        await page.GetByLabel("Passphrase again").FillAsync("lantern meadow pocket river");
        await page.GetByLabel("Country").SelectOptionAsync("GB");
        await page.GetByLabel("I am 18 or over.").CheckAsync();
        await page.GetByLabel("I consent to OffBenzos Community keeping").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your e-mail" })).ToBeVisibleAsync();

        var mail = await app.WaitForMessageToAsync(email);
        await newcomer.GoToAsync(mail.LinkTo("/Identity/Account/ConfirmEmail"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you, your e-mail is confirmed" })).ToBeVisibleAsync();

        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Passphrase").FillAsync("lantern meadow pocket river");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Quiet Heron" })).ToBeAttachedAsync();
        // Their country's lines, now that the app knows where they are.
        await Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "Crisis help" })).ToContainTextAsync("Samaritans");
        await Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "Crisis help" })).ToBeInViewportAsync(new() { Ratio = 1 });

        await newcomer.GoToAsync("/groups");
        await page.GetByRole(AriaRole.Link, new() { Name = "Slow and steady" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Join this group" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Group rules" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "I'll follow these rules: join" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Start a thread" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Week three of my taper");
        await page.Locator("textarea[name=Body]").FillAsync("Some things that help me:\n\n- **slow** walks\n- *warm* baths\n\n> One day at a time.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the thread" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Week three of my taper", Level = 1 })).ToBeVisibleAsync();
        var body = page.Locator(".post-body").First;
        await Expect(body.Locator("strong")).ToHaveTextAsync("slow");
        await Expect(body.Locator("em")).ToHaveTextAsync("warm");
        await Expect(body.Locator("li")).ToHaveCountAsync(2);
        await Expect(body.Locator("blockquote")).ToContainTextAsync("One day at a time.");
        await Expect(body).Not.ToContainTextAsync("**");
    });
}
