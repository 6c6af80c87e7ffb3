using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Moderation;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Tests.Crisis;

/// <summary>"I'm worried about this member": kind to the person, visible to moderators, impossible to use as a weapon.</summary>
public sealed class ConcernTests : IDisposable
{
    private readonly CommunityApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(CommunityApp.TestUser Person, int PostId)> PersonWithPostAsync(string country, string name = "Quiet Quill")
    {
        var group = await _app.CreateGroupAsync();
        var person = await _app.CreateUserAsync(displayName: name, country: country);
        await _app.AddMemberAsync(group, person);
        var thread = await _app.CreateThreadAsync(group, person);
        return (person, (await _app.PostsAsync(thread.Id))[0].Id);
    }

    private static Task<HttpResponseMessage> WorryAsync(HttpClient browser, string personId, int postId, string? note = null) =>
        browser.SubmitFormAsync($"/concern/{personId}?from=post:{postId}", note is null ? [] : new() { ["Note"] = note });

    [Fact]
    public async Task The_person_gets_a_kind_notice_with_their_own_countrys_lines_and_never_the_reporters_name()
    {
        var (person, postId) = await PersonWithPostAsync("GB");
        var reporter = await _app.CreateUserAsync(displayName: "Caring Cora");
        var browser = await _app.SignedInBrowserAsync(reporter);

        var answer = await (await WorryAsync(browser, person.Id, postId, "They said goodbye in an odd way.")).ParseAsync();

        Assert.Contains("Thank you for caring", answer.TextOf("[role=status]"), StringComparison.Ordinal);
        var notice = await _app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == person.Id));
        Assert.Equal(NotificationKind.Concern, notice.Kind);
        Assert.Contains("Samaritans, 116 123", notice.Detail, StringComparison.Ordinal);
        Assert.Contains("999 or 112", notice.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Cora", notice.Detail + notice.Summary, StringComparison.Ordinal);
        Assert.Null(notice.ActorId);

        var item = await _app.OnlyItemAsync();
        Assert.Equal((ReviewLane.Crisis, ModerationTargets.Profile, person.Id), (item.Lane, item.TargetType, item.TargetId));
        Assert.Contains("They said goodbye in an odd way.", item.SystemReason, StringComparison.Ordinal);
        var page = await (await _app.SignedInBrowserAsync(person)).GetPageAsync("/notifications");
        Assert.Contains("Someone is thinking of you", page.TextOf(".thread-row"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_receives_at_most_one_notice_a_day_however_many_are_worried()
    {
        var (person, postId) = await PersonWithPostAsync("US");
        for (var i = 0; i < 3; i++)
        {
            await WorryAsync(await _app.SignedInBrowserAsync(await _app.CreateUserAsync()), person.Id, postId);
        }

        Assert.Equal(1, await _app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == person.Id)));
        Assert.Single(await _app.WithDbAsync(db => db.ReviewItems.ToListAsync()));

        _app.Clock.Advance(TimeSpan.FromHours(25));
        await WorryAsync(await _app.SignedInBrowserAsync(await _app.CreateUserAsync()), person.Id, postId);
        Assert.Equal(2, await _app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == person.Id)));
    }

    [Fact]
    public async Task A_reporter_can_send_only_a_few_a_day()
    {
        var reporter = await _app.SignedInBrowserAsync(await _app.CreateUserAsync());
        var people = new List<(CommunityApp.TestUser, int)>();
        for (var i = 0; i < 4; i++)
        {
            people.Add(await PersonWithPostAsync("AU", $"Someone {(char)('A' + i)}rrow"));
        }

        for (var i = 0; i < 3; i++)
        {
            await WorryAsync(reporter, people[i].Item1.Id, people[i].Item2);
        }
        var fourth = await (await WorryAsync(reporter, people[3].Item1.Id, people[3].Item2)).ParseAsync();

        Assert.Contains("several of these today", fourth.TextOf("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == people[3].Item1.Id)));
    }
}
