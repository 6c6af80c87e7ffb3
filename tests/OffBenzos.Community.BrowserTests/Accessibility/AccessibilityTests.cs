using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using OffBenzos.Community.BrowserTests.Infrastructure;

namespace OffBenzos.Community.BrowserTests.Accessibility;

[Collection(DemoCommunityDefinition.Name)]
public sealed class AccessibilityTests(DemoCommunityFixture fixture)
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public Task Main_pages_have_no_serious_or_critical_accessibility_violations(string theme) => Journey.RunAsync(fixture, async journey =>
    {
        var options = new BrowserNewContextOptions { ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light };
        var report = new StringBuilder();
        foreach (var viewer in MainPages.All.GroupBy(p => p.Viewer))
        {
            var person = await MainPages.OpenAsync(journey, fixture, viewer.Key, options);
            foreach (var page in viewer)
            {
                await MainPages.ShowAsync(person, fixture, page);
                var result = await person.Page.RunAxe();
                foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                {
                    report.AppendLine($"{page.Name} ({theme}): {violation.Impact} {violation.Id}: {violation.Help}");
                    foreach (var node in violation.Nodes.Take(5))
                    {
                        var why = string.Join(" ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message));
                        report.AppendLine($"    {node.Target}: {node.Html} ({why})");
                    }
                }
            }
        }
        Assert.True(report.Length == 0, "Accessibility violations:" + Environment.NewLine + report);
    }, theme);
}
