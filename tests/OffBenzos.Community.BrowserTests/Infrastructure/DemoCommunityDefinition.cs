namespace OffBenzos.Community.BrowserTests.Infrastructure;

/// <summary>The test classes that read the demo community share one app and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class DemoCommunityDefinition : ICollectionFixture<DemoCommunityFixture>
{
    public const string Name = "Demo community";
}
