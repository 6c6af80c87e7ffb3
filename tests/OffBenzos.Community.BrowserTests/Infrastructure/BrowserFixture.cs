using Microsoft.Playwright;

namespace OffBenzos.Community.BrowserTests.Infrastructure;

/// <summary>
/// What one test class shares: the real app on its own fresh database and one Chromium. Each person
/// in a test gets a browser context of their own (cookies, storage), so people never share a session.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private BrowserApp? _app;

    static BrowserFixture()
    {
        // Live updates cross a real network and SignalR; a busy two-core machine can be slow to paint them.
        Assertions.SetDefaultExpectTimeout(10_000);
    }

    public BrowserApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _app = new BrowserApp();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
