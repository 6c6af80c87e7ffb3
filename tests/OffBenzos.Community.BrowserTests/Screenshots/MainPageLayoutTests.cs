using Microsoft.Playwright;
using OffBenzos.Community.BrowserTests.Infrastructure;

namespace OffBenzos.Community.BrowserTests.Screenshots;

/// <summary>
/// Every main page at a phone's 390 pixels and a desktop's 1280, light and dark: nothing makes the
/// page scroll sideways. With OFFBENZOS_SCREENSHOTS=1 each page is also photographed into
/// docs/screenshots/ (see the README: "Refresh the screenshots").
/// </summary>
[Collection(DemoCommunityDefinition.Name)]
[Trait("Category", "Screenshots")]
public sealed class MainPageLayoutTests(DemoCommunityFixture fixture)
{
    public const string ScreenshotsVariable = "OFFBENZOS_SCREENSHOTS";

    public static TheoryData<string, string> Variants => new()
    {
        { "phone", "light" },
        { "phone", "dark" },
        { "desktop", "light" },
        { "desktop", "dark" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public Task Main_pages_fit_the_screen_width_without_sideways_scrolling(string device, string theme) => Journey.RunAsync(fixture, async journey =>
    {
        var folder = ScreenshotFolder();
        var options = new BrowserNewContextOptions
        {
            ViewportSize = device == "phone" ? Chromium.Phone : Chromium.Desktop,
            IsMobile = device == "phone",
            HasTouch = device == "phone",
            ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        };
        var overflowing = new List<string>();
        foreach (var viewer in MainPages.All.GroupBy(p => p.Viewer))
        {
            var person = await MainPages.OpenAsync(journey, fixture, viewer.Key, options);
            foreach (var page in viewer)
            {
                await MainPages.ShowAsync(person, fixture, page);
                var widths = await person.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
                if (widths[0] > widths[1])
                {
                    overflowing.Add($"{page.Name}: {widths[0]} px of content in {widths[1]} px");
                }
                if (folder is not null)
                {
                    await person.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{page.Name}-{device}-{theme}.png") });
                }
            }
        }
        Assert.True(overflowing.Count == 0, $"Pages wider than the {device} screen ({theme}): {string.Join("; ", overflowing)}");
    }, $"{device}-{theme}");

    /// <summary>docs/screenshots/ of this repository when OFFBENZOS_SCREENSHOTS=1 (or the folder it names); otherwise none.</summary>
    private static string? ScreenshotFolder()
    {
        var setting = Environment.GetEnvironmentVariable(ScreenshotsVariable);
        if (string.IsNullOrWhiteSpace(setting) || setting == "0")
        {
            return null;
        }
        if (setting != "1")
        {
            return Directory.CreateDirectory(setting).FullName;
        }
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OffBenzos.Community.sln")))
        {
            root = root.Parent;
        }
        Assert.True(root is not null, "The repository root (with OffBenzos.Community.sln) is not above the test assembly.");
        return Directory.CreateDirectory(Path.Combine(root.FullName, "docs", "screenshots")).FullName;
    }
}
