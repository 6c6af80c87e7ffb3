using Microsoft.Playwright;

namespace OffBenzos.Community.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium, driven by Playwright (whose own browser download cannot work here).</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    };

    /// <summary>Phone and desktop widths the pages are checked and photographed at.</summary>
    public static ViewportSize Phone => new() { Width = 390, Height = 844 };

    public static ViewportSize Desktop => new() { Width = 1280, Height = 900 };
}
