using Microsoft.Playwright;
using OffBenzos.Community.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OffBenzos.Community.BrowserTests.Accessibility;

public sealed class ReducedMotionTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Remembers how the page asks to scroll, so a smooth (animated) scroll can be seen.</summary>
    private const string RecordScrolls = """
        (() => {
          window.__offbenzosScrolls = [];
          const record = (options) => window.__offbenzosScrolls.push(typeof options === 'object' && options ? options.behavior ?? 'auto' : 'auto');
          for (const name of ['scrollIntoView', 'scrollTo', 'scrollBy']) {
            for (const target of [Element.prototype, window]) {
              const original = target[name];
              if (typeof original !== 'function') continue;
              target[name] = function (...args) { record(args[0]); return original.apply(this, args); };
            }
          }
        })();
        """;

    /// <summary>Every animation or transition the page is running or would run, longer than the reduced-motion rule allows.</summary>
    private const string Motion = """
        () => {
          const seconds = (list) => list.split(',').map((d) => d.trim().endsWith('ms') ? parseFloat(d) / 1000 : parseFloat(d));
          const moving = document.getAnimations()
            .filter((a) => (a.effect?.getComputedTiming().duration ?? 0) > 0.01)
            .map((a) => `running: ${a.constructor.name} on ${a.effect?.target?.tagName}`);
          for (const el of [document.documentElement, ...document.querySelectorAll('*')]) {
            const style = getComputedStyle(el);
            if (style.animationName !== 'none' && seconds(style.animationDuration).some((s) => s > 0.00001)) moving.push(`animation ${style.animationName} on ${el.tagName}.${el.className}`);
            if (seconds(style.transitionDuration).some((s) => s > 0.00001)) moving.push(`transition ${style.transitionProperty} on ${el.tagName}.${el.className}`);
          }
          if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') moving.push('smooth scrolling on html');
          return moving;
        }
        """;

    [Fact]
    public Task With_reduced_motion_asked_for_pages_and_the_chat_room_do_not_move() => Journey.RunAsync(fixture, async journey =>
    {
        var app = journey.App;
        var group = await app.CreateGroupAsync("Calm corner");
        var user = await app.CreateUserAsync("Still Pond");
        await app.AddMemberAsync(group, user);
        var thread = await app.CreateThreadAsync(group, user, "Quiet days");

        var calm = await journey.PersonAsync("reduced motion", new() { ReducedMotion = ReducedMotion.Reduce });
        await calm.Context.AddInitScriptAsync(RecordScrolls);
        await calm.SignInAsync(user);
        foreach (var path in new[] { "/", "/groups", $"/groups/{group.Slug}", Fixtures.ThreadPath(group, thread.Id), $"/groups/{group.Slug}/new", "/crisis", "/sessions" })
        {
            await calm.GoToAsync(path);
            Assert.Empty(await calm.Page.EvaluateAsync<string[]>(Motion));
        }

        // The chat room scrolls to each new message without animating the scroll.
        await calm.GoToAsync($"/groups/{group.Slug}/chat");
        var box = calm.Page.GetByLabel("Your message");
        await Expect(box).ToBeEnabledAsync();
        await box.FillAsync("Breathing slowly today.");
        await box.PressAsync("Enter");
        await Expect(calm.Page.Locator("[data-chat-messages] .chat-message:not(.chat-pending)")).ToHaveCountAsync(1);
        Assert.Empty(await calm.Page.EvaluateAsync<string[]>(Motion));
        var scrolls = await calm.Page.EvaluateAsync<string[]>("() => window.__offbenzosScrolls");
        Assert.NotEmpty(scrolls);
        Assert.All(scrolls, behavior => Assert.NotEqual("smooth", behavior));

        // Without the request, the same room does scroll smoothly: the check above can see motion.
        var lively = await journey.PersonAsync("no preference", new() { ReducedMotion = ReducedMotion.NoPreference });
        await lively.Context.AddInitScriptAsync(RecordScrolls);
        await lively.SignInAsync(user);
        await lively.GoToAsync($"/groups/{group.Slug}/chat");
        await Expect(lively.Page.Locator("[data-chat-messages] .chat-message")).ToHaveCountAsync(1);
        Assert.Contains("smooth", await lively.Page.EvaluateAsync<string[]>("() => window.__offbenzosScrolls"));
    });
}
