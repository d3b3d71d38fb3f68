using System.Runtime.CompilerServices;

namespace Meterchat.IntegrationTests.Infrastructure;

/// <summary>
/// Every app a test builds would watch its appsettings files for changes (one inotify instance each, 128 per user on
/// Linux); with a few hundred factories per run the limit was reached and app starts failed. Tests never edit those
/// files, so the host is told not to watch them, before any test builds an app.
/// </summary>
internal static class NoConfigReload
{
#pragma warning disable CA2255 // a test assembly's own start-up setting, not a library's
    [ModuleInitializer]
    internal static void Apply() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
#pragma warning restore CA2255
}
