namespace OffBenzos.Community.BrowserTests.Infrastructure;

/// <summary>A journey's failure, with where its screenshots and console errors were saved.</summary>
public sealed class JourneyFailedException : Exception
{
    public JourneyFailedException()
    {
    }

    public JourneyFailedException(string message)
        : base(message)
    {
    }

    public JourneyFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
