using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OffBenzos.Community.BrowserTests.Infrastructure;

/// <summary>One person at one browser: their own context (cookies, storage) and page, and what its console said.</summary>
public sealed class Person
{
    private readonly BrowserApp _app;
    private readonly List<string> _console = [];
    private readonly HubTraffic _hub;
    private readonly List<Regex> _expected = [];

    internal Person(string name, BrowserApp app, IBrowserContext context, IPage page)
    {
        Name = name;
        _app = app;
        Context = context;
        Page = page;
        _hub = new HubTraffic(page);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Log($"console {message.Type}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Log($"page error: {error}");
        page.RequestFailed += (_, request) => Log($"request failed: {request.Method} {request.Url} {request.Failure}");
    }

    public string Name { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Errors and warnings from the page's console, script errors and failed requests, in order.</summary>
    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_console)
            {
                return [.. _console];
            }
        }
    }

    /// <summary>
    /// What the journey counts as wrong: console errors and warnings, script errors and failed
    /// requests (a CSP violation, a broken script), less those it said to expect and requests a
    /// navigation cut short.
    /// </summary>
    public IReadOnlyList<string> UnexpectedConsoleErrors =>
        [.. ConsoleErrors.Where(line => !line.Contains("net::ERR_ABORTED", StringComparison.Ordinal) && !_expected.Any(e => e.IsMatch(line)))];

    /// <summary>Console lines matching <paramref name="pattern"/> are part of this journey (a lost network, an expired session).</summary>
    public void ExpectConsoleErrors(Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        _expected.Add(pattern);
    }

    /// <summary>Waits until this page has made at least <paramref name="count"/> answered calls to <paramref name="target"/> in all.</summary>
    public async Task WaitForHubCallsAsync(string target, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (_hub.Completed(target) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{Name}'s page made {_hub.Completed(target)} answered call(s) to {target}, not {count}.");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// The network goes away, as in a train tunnel. Chromium's offline mode stops new requests but
    /// leaves open WebSockets alone, so those are dropped too (see <see cref="NetworkDrops"/>).
    /// </summary>
    public async Task GoOfflineAsync()
    {
        await Context.SetOfflineAsync(true);
        await Page.EvaluateAsync(NetworkDrops.DropAll);
    }

    public Task GoOnlineAsync() => Context.SetOfflineAsync(false);

    public Task<IResponse?> GoToAsync(string path) => Page.GotoAsync(_app.Url(path));

    /// <summary>
    /// Presses Tab until <paramref name="target"/> has the focus, as a keyboard user moves through a
    /// page, and checks that the focus can be seen there.
    /// </summary>
    public async Task TabToAsync(ILocator target, int maxPresses = 80)
    {
        ArgumentNullException.ThrowIfNull(target);
        for (var presses = 0; presses < maxPresses; presses++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                var outline = await target.EvaluateAsync<string>("el => getComputedStyle(el).outlineStyle");
                Assert.True(outline != "none", $"The focus on {target} cannot be seen (outline: {outline}).");
                return;
            }
        }
        Assert.Fail($"{target} was not reached with {maxPresses} presses of Tab.");
    }

    /// <summary>Signs in through the real form, as a person would.</summary>
    public async Task SignInAsync(BrowserApp.TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await GoToAsync("/Identity/Account/Login");
        await FillSignInAsync(user);
        await Expect(Page).ToHaveURLAsync(_app.Url("/"));
    }

    /// <summary>Signs in with passphrase and a fresh authenticator code, as staff must.</summary>
    public async Task SignInWithTwoFactorAsync(BrowserApp.TestUser user, string key)
    {
        ArgumentNullException.ThrowIfNull(user);
        await GoToAsync("/Identity/Account/Login");
        await FillSignInAsync(user);
        await Expect(Page).ToHaveURLAsync(new Regex("/Identity/Account/LoginWith2fa"));
        // A code is accepted once: move the app's clock to the next step, as a person waits for a new code.
        _app.Clock.Advance(OffBenzos.Community.Web.Accounts.Totp.Step);
        await Page.GetByLabel("Code from your authenticator app").FillAsync(_app.AuthenticatorCode(key));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(_app.Url("/"));
    }

    private async Task FillSignInAsync(BrowserApp.TestUser user)
    {
        await Page.GetByLabel("E-mail").FillAsync(user.Email);
        await Page.GetByLabel("Passphrase").FillAsync(user.Password);
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private void Log(string line)
    {
        lock (_console)
        {
            _console.Add(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss.fff} {line}"));
        }
    }
}
