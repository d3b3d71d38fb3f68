using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Meterchat.Tests.Architecture;

/// <summary>
/// The rules that must stay pure: the chat state machine (the <c>Meterchat.Chats</c> namespace itself, not its
/// Live/Store/Relay subfolders) and the TRON wire format decide money, so they are plain C# that a unit test or an outside
/// verifier can run without a database or a web host.
/// </summary>
public sealed class PureCoreTests
{
    private static readonly System.Reflection.Assembly App = typeof(Meterchat.Chats.ChatSession).Assembly;
    private static readonly System.Reflection.Assembly Tron = typeof(Meterchat.Tron.Encoding.TronAddress).Assembly;

    private static readonly ArchUnitNET.Domain.Architecture Code = new ArchLoader().LoadAssemblies(App, Tron).Build();

    [Fact]
    public void The_chat_state_machine_uses_neither_ef_core_nor_asp_net_core()
    {
        // ChatsFeature is the feature's registration (its composition root), not a rule.
        Types().That().ResideInNamespace("Meterchat.Chats").And().ResideInAssembly(App).And().DoNotHaveName("ChatsFeature")
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(@"Microsoft\.(EntityFrameworkCore|AspNetCore)(\..*)?")
            .Check(Code);
    }

    [Fact]
    public void The_tron_library_references_no_app_code_and_no_web_or_database_stack()
    {
        Types().That().ResideInAssembly(Tron)
            .Should().NotDependOnAnyTypesThat().ResideInAssembly(App)
            .AndShould().NotDependOnAnyTypesThat().ResideInNamespaceMatching(@"Microsoft\.(EntityFrameworkCore|AspNetCore)(\..*)?")
            .Check(Code);
    }
}
