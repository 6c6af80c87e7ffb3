using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OffBenzos.Community.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OffBenzos.Community.BrowserTests.Accessibility;

public sealed class ThemePreferenceTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string DarkBackground = "rgb(21, 24, 28)";
    private const string LightBackground = "rgb(247, 245, 240)";

    [Fact]
    public Task A_member_who_chooses_the_dark_theme_gets_it_on_a_light_device_and_it_stays_accessible() => Journey.RunAsync(fixture, async journey =>
    {
        var app = journey.App;
        var group = await app.CreateGroupAsync("Gentle light");
        var user = await app.CreateUserAsync("Dim Lantern");
        await app.AddMemberAsync(group, user);
        var thread = await app.CreateThreadAsync(group, user, "Light sensitivity in week two");
        var member = await journey.PersonAsync("member", new() { ColorScheme = ColorScheme.Light });
        await member.SignInAsync(user);
        var html = member.Page.Locator("html");
        var body = member.Page.Locator("body");
        await Expect(body).ToHaveCSSAsync("background-color", LightBackground);

        await member.GoToAsync("/Identity/Account/Manage");
        await member.Page.GetByLabel("Dark", new() { Exact = true }).CheckAsync();
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(body).ToHaveCSSAsync("background-color", DarkBackground);

        await member.GoToAsync(Fixtures.ThreadPath(group, thread.Id));
        await Expect(body).ToHaveCSSAsync("background-color", DarkBackground);
        var serious = (await member.Page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));

        // Back to following the device, which is light.
        await member.GoToAsync("/Identity/Account/Manage");
        await member.Page.GetByLabel("Follow my device").CheckAsync();
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "system");
        await Expect(body).ToHaveCSSAsync("background-color", LightBackground);
    });
}
