using System.Runtime.CompilerServices;

namespace OffBenzos.Community.Tests.Infrastructure;

internal static class TestEnvironment
{
    /// <summary>
    /// The suite starts hundreds of app instances. Each would watch its configuration and content
    /// files through inotify, whose per-user limit (128 on many machines) runs out long before the
    /// suite ends. Tests never change those files, so: no reloading, and polling where a watcher is made.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
