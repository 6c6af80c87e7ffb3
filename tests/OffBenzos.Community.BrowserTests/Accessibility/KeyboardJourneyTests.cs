using Microsoft.Playwright;
using OffBenzos.Community.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OffBenzos.Community.BrowserTests.Accessibility;

public sealed class KeyboardJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task A_member_signs_in_starts_a_thread_and_replies_with_the_keyboard_alone() => Journey.RunAsync(fixture, async journey =>
    {
        var app = journey.App;
        var group = await app.CreateGroupAsync("Keyboard friends");
        var user = await app.CreateUserAsync("Steady Hands");
        await app.AddMemberAsync(group, user);
        var member = await journey.PersonAsync("keyboard member");
        var page = member.Page;
        var keyboard = page.Keyboard;

        // Signing in.
        await member.GoToAsync("/Identity/Account/Login");
        await member.TabToAsync(page.GetByLabel("E-mail"));
        await keyboard.TypeAsync(user.Email);
        await keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Passphrase")).ToBeFocusedAsync();
        await keyboard.TypeAsync(user.Password);
        await keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(app.Url("/"));

        // The first stop on every page skips the navigation.
        await member.GoToAsync($"/groups/{group.Slug}");
        await keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();

        // Starting a thread.
        await member.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Start a thread" }));
        await keyboard.PressAsync("Enter");
        await member.TabToAsync(page.GetByLabel("Title"));
        await keyboard.TypeAsync("Tapering with shaky hands");
        await member.TabToAsync(page.GetByLabel("Your post"));
        await keyboard.TypeAsync("Typing is hard some days, so the keyboard is my friend.");
        await keyboard.PressAsync("Enter");
        await keyboard.TypeAsync("- short sessions");
        await keyboard.PressAsync("Enter");
        await keyboard.TypeAsync("- **lots** of breaks");
        await member.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Start the thread" }));
        await keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tapering with shaky hands", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("li.post").First.Locator(".post-body strong")).ToHaveTextAsync("lots");

        // Replying.
        await member.TabToAsync(page.GetByLabel("Your reply"), maxPresses: 120);
        await keyboard.TypeAsync("Update: today was a better day.");
        await member.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Post reply" }));
        await keyboard.PressAsync("Enter");
        await Expect(page.Locator("li.post")).ToHaveCountAsync(2);
        await Expect(page.Locator("li.post").Last).ToContainTextAsync("Update: today was a better day.");

        // Reacting and saving: each button sends the page's one form to its own address.
        var firstPost = page.Locator("li.post").First;
        await member.GoToAsync(new Uri(page.Url).PathAndQuery.Split('#')[0]);
        await member.TabToAsync(firstPost.GetByRole(AriaRole.Button, new() { Name = "Hug" }), maxPresses: 120);
        await keyboard.PressAsync("Enter");
        await Expect(firstPost.GetByRole(AriaRole.Button, new() { Name = "Hug" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(firstPost.GetByRole(AriaRole.Button, new() { Name = "Hug" }).Locator(".count")).ToHaveTextAsync("1");
        await member.TabToAsync(firstPost.GetByRole(AriaRole.Button, new() { Name = "Save" }));
        await keyboard.PressAsync("Enter");
        await Expect(firstPost.GetByRole(AriaRole.Button, new() { Name = "Saved", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
    });
}
