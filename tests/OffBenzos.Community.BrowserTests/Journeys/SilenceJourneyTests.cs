using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OffBenzos.Community.BrowserTests.Infrastructure;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Moderation;
using static Microsoft.Playwright.Assertions;

namespace OffBenzos.Community.BrowserTests.Journeys;

public sealed class SilenceJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task A_silenced_member_sees_why_they_cannot_post_and_until_when_wherever_they_would_write() => Journey.RunAsync(fixture, async journey =>
    {
        var app = journey.App;
        var group = await app.CreateGroupAsync("Daily check-in");
        var user = await app.CreateUserAsync("Loud Magpie");
        await app.AddMemberAsync(group, user);
        var thread = await app.CreateThreadAsync(group, user, "How is everyone today?");
        var staff = await app.CreateUserAsync("Steady Moderator", roles: SiteRoles.Moderator);
        Assert.Null(await app.WithServiceAsync<SanctionService, string?>(sanctions =>
            sanctions.ApplyAsync(staff.Id, user.Id, SanctionKind.Silence, TimeSpan.FromDays(3), "Repeated pile-ons in other members' threads.")));
        var endsAt = await app.WithDbAsync(db => db.Sanctions.AsNoTracking().Where(s => s.UserId == user.Id).Select(s => s.EndsAt).SingleAsync());
        var until = endsAt!.Value.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var why = $"You can read, but not post, reply, react, flag or chat, until {until}. Reason: Repeated pile-ons in other members' threads.";

        var member = await journey.SignedInAsync(user);

        // The thread: they can read it, and where the reply box would be, they are told why and until when.
        await member.GoToAsync(Fixtures.ThreadPath(group, thread.Id));
        await Expect(member.Page.Locator("li.post").First).ToContainTextAsync("Down to 4 mg diazepam");
        var reply = member.Page.Locator("#reply");
        await Expect(reply).ToContainTextAsync(why);
        await Expect(reply.GetByLabel("Your reply")).ToHaveCountAsync(0);
        await Expect(member.Page.GetByRole(AriaRole.Button, new() { Name = "Support" })).ToHaveCountAsync(0);

        // The group page offers no "Start a thread"; the composer's address explains instead of failing.
        await member.GoToAsync($"/groups/{group.Slug}");
        await Expect(member.Page.GetByRole(AriaRole.Link, new() { Name = "Start a thread" })).ToHaveCountAsync(0);
        await member.GoToAsync($"/groups/{group.Slug}/new");
        await Expect(member.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "You can read, but not post" })).ToContainTextAsync(why);

        // The chat room: the composer is closed, with the same words.
        await member.GoToAsync($"/groups/{group.Slug}/chat");
        await Expect(member.Page.Locator("[data-chat-error]")).ToContainTextAsync($"until {until}");
        await Expect(member.Page.Locator("[data-chat-error]")).ToContainTextAsync("Repeated pile-ons in other members' threads.");
        await Expect(member.Page.GetByLabel("Your message")).ToBeDisabledAsync();
    });
}
