using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OffBenzos.Community.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OffBenzos.Community.BrowserTests.Journeys;

public sealed partial class ChatJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task A_message_written_offline_arrives_once_for_both_and_nothing_said_meanwhile_is_missed() => Journey.RunAsync(fixture, async journey =>
    {
        var app = journey.App;
        var group = await app.CreateGroupAsync("Night owls");
        var adaUser = await app.CreateUserAsync("Ada Willow");
        var benUser = await app.CreateUserAsync("Ben Harbour");
        await app.AddMemberAsync(group, adaUser);
        await app.AddMemberAsync(group, benUser);
        var ada = await journey.SignedInAsync(adaUser);
        var ben = await journey.SignedInAsync(benUser);
        foreach (var person in new[] { ada, ben })
        {
            await person.GoToAsync($"/groups/{group.Slug}/chat");
        }
        foreach (var person in new[] { ada, ben })
        {
            var present = person.Page.Locator("[data-chat-present]");
            await Expect(present).ToContainTextAsync("Ada Willow");
            await Expect(present).ToContainTextAsync("Ben Harbour");
        }

        await SayAsync(ada, "Is anyone else up?");
        await Expect(Messages(ben)).ToHaveTextAsync(["Is anyone else up?"]);
        await SayAsync(ben, "Me. Day 9 off clonazepam.");
        await Expect(Messages(ada)).ToHaveTextAsync(["Is anyone else up?", "Me. Day 9 off clonazepam."]);

        // Ben's connection drops (a train tunnel); the page says so and keeps what he writes.
        ben.ExpectConsoleErrors(Offline());
        await ben.GoOfflineAsync();
        await Expect(ben.Page.Locator("[data-chat-status]")).ToContainTextAsync("Reconnecting");
        await SayAsync(ada, "Ben? Still there?");
        await SayAsync(ada, "I'll keep the kettle on.");
        await SayAsync(ben, "Lost signal, back soon.");
        var waiting = ben.Page.Locator(".chat-pending");
        await Expect(waiting).ToHaveCountAsync(1);
        await Expect(waiting).ToContainTextAsync("Lost signal, back soon.");
        await Expect(ada.Page.Locator("[data-chat-messages]")).Not.ToContainTextAsync("Lost signal");

        await ben.GoOnlineAsync();
        string[] conversation = ["Is anyone else up?", "Me. Day 9 off clonazepam.", "Ben? Still there?", "I'll keep the kettle on.", "Lost signal, back soon."];
        // Ben's page retries with a growing pause (1, 2, 4, 8... seconds, at most 30) while the network is
        // away, so on a busy machine the next try may be a while after the network is back.
        await Expect(ben.Page.Locator("[data-chat-status]")).ToBeHiddenAsync(new() { Timeout = 35_000 });
        foreach (var person in new[] { ada, ben })
        {
            // Exactly once each, in the room's order, and nothing left waiting.
            await Expect(Messages(person)).ToHaveTextAsync(conversation);
            await Expect(person.Page.Locator(".chat-pending")).ToHaveCountAsync(0);
        }

        // And after a reload, the stored room says the same: nothing doubled on the server either.
        await ada.Page.ReloadAsync();
        await Expect(Messages(ada)).ToHaveTextAsync(conversation);
    });

    [GeneratedRegex("ERR_INTERNET_DISCONNECTED|Failed to fetch|negotiat")]
    private static partial Regex Offline();

    private static ILocator Messages(Person person) => person.Page.Locator("[data-chat-messages] .chat-message .chat-text");

    /// <summary>Types in the composer and presses Enter, as a person does.</summary>
    private static async Task SayAsync(Person person, string text)
    {
        var box = person.Page.GetByLabel("Your message");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        await Expect(box).ToHaveValueAsync("");
    }
}
