namespace OffBenzos.Community.BrowserTests.Infrastructure;

/// <summary>Real time plus an offset a test can move forward: authenticator steps, cookie lifetimes.</summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
