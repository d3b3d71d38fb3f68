using ArchUnitNET.Loader;

namespace Meterchat.Tests.Architecture;

/// <summary>The app and the TRON library loaded once for every architecture test (loading takes seconds).</summary>
internal static class AppCode
{
    public static readonly System.Reflection.Assembly App = typeof(Meterchat.Chats.ChatSession).Assembly;
    public static readonly System.Reflection.Assembly Tron = typeof(Meterchat.Tron.Encoding.TronAddress).Assembly;

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Loaded = new(() => new ArchLoader().LoadAssemblies(App, Tron).Build());

    public static ArchUnitNET.Domain.Architecture Architecture => Loaded.Value;
}
