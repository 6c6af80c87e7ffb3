using Microsoft.Playwright;

namespace OffBenzos.Community.BrowserTests.Infrastructure;

/// <summary>
/// What one test class shares: the real app on its own fresh database and one Chromium. Each person
/// in a test gets a browser context of their own (cookies, storage), so people never share a session.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly IReadOnlyDictionary<string, string?>? _settings;
    private BrowserApp? _app;

    public BrowserFixture()
    {
    }

    /// <summary>For fixtures whose app needs other settings than the tests' defaults.</summary>
    protected BrowserFixture(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    static BrowserFixture()
    {
        // Live updates cross a real network and SignalR; a busy two-core machine can be slow to paint them.
        Assertions.SetDefaultExpectTimeout(10_000);
    }

    public BrowserApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public virtual async Task InitializeAsync()
    {
        if (!File.Exists(Chromium.ExecutablePath))
        {
            throw new InvalidOperationException($"The browser tests drive Debian's Chromium at {Chromium.ExecutablePath}: apt-get install chromium (.ci/run does).");
        }
        _app = new BrowserApp(_settings);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
    }

    public virtual async Task DisposeAsync()
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
