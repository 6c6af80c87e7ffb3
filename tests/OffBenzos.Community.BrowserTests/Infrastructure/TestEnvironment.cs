using System.Runtime.CompilerServices;

namespace OffBenzos.Community.BrowserTests.Infrastructure;

internal static class TestEnvironment
{
    /// <summary>
    /// Each test class starts its own app; none changes configuration or content files, so no
    /// reloading and no inotify watchers (whose per-user limit runs out across a long test run).
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
