using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Playwright;

namespace OffBenzos.Community.BrowserTests.Infrastructure;

/// <summary>
/// One test's people and their browsers. A journey fails if a page reports an error it did not
/// expect; when a journey fails, each person's page is saved as a screenshot beside their console
/// errors, and the failure says where.
/// </summary>
public sealed class Journey : IAsyncDisposable
{
    /// <summary>Where failure screenshots and console logs go; a folder beside the test assembly unless set.</summary>
    public const string ArtifactsVariable = "OFFBENZOS_BROWSER_ARTIFACTS";

    private readonly BrowserFixture _fixture;
    private readonly List<Person> _people = [];

    private Journey(BrowserFixture fixture) => _fixture = fixture;

    public BrowserApp App => _fixture.App;

    public static string ArtifactsFolder =>
        Environment.GetEnvironmentVariable(ArtifactsVariable) is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "browser-failures");

    /// <summary>
    /// Runs <paramref name="steps"/>; on failure saves what every person saw and rethrows with the
    /// folder's name. A theory names its case in <paramref name="variant"/>, so each keeps its own evidence.
    /// </summary>
    public static async Task RunAsync(BrowserFixture fixture, Func<Journey, Task> steps, string? variant = null,
        [CallerFilePath] string file = "", [CallerMemberName] string test = "")
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(steps);
        var folder = Path.Combine(ArtifactsFolder, $"{Path.GetFileNameWithoutExtension(file)}.{test}{(variant is null ? "" : "." + variant)}");
        if (Directory.Exists(folder))
        {
            // Evidence of an earlier failure would only mislead.
            Directory.Delete(folder, recursive: true);
        }
        await using var journey = new Journey(fixture);
        try
        {
            await steps(journey);
            foreach (var person in journey._people)
            {
                Assert.True(person.UnexpectedConsoleErrors.Count == 0,
                    $"{person.Name}'s browser reported errors:{Environment.NewLine}{string.Join(Environment.NewLine, person.UnexpectedConsoleErrors)}");
            }
        }
        catch (Exception failure) when (failure is not JourneyFailedException)
        {
            await journey.SaveEvidenceAsync(folder);
            throw new JourneyFailedException($"{failure.Message}{Environment.NewLine}Screenshots and console errors: {folder}", failure);
        }
    }

    /// <summary>A new person with a browser of their own (a desktop-sized window unless <paramref name="options"/> say otherwise).</summary>
    public async Task<Person> PersonAsync(string name, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.ViewportSize ??= Chromium.Desktop;
        options.Locale ??= "en-GB";
        var context = await _fixture.Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(NetworkDrops.Script);
        var page = await context.NewPageAsync();
        var person = new Person(name, App, context, page);
        _people.Add(person);
        return person;
    }

    /// <summary>A new person, signed in as <paramref name="user"/> through the sign-in form.</summary>
    public async Task<Person> SignedInAsync(BrowserApp.TestUser user, BrowserNewContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var person = await PersonAsync(user.DisplayName, options);
        await person.SignInAsync(user);
        return person;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var person in _people)
        {
            await person.Context.CloseAsync();
        }
    }

    private async Task SaveEvidenceAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var person in _people)
        {
            var name = string.Concat(person.Name.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
            var log = new StringBuilder();
            log.AppendLine($"url: {person.Page.Url}");
            try
            {
                await person.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true, Timeout = 5_000 });
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                log.AppendLine($"no screenshot: {e.Message}");
            }
            foreach (var line in person.ConsoleErrors)
            {
                log.AppendLine(line);
            }
            await File.WriteAllTextAsync(Path.Combine(folder, name + "-console.txt"), log.ToString());
        }
    }
}
