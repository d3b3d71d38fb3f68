using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Meterchat.Tests.Architecture;

/// <summary>
/// The Ethereum chain (addresses, keys, the node client, the transfer match) is plain C# over Nethereum: no
/// database and no web stack, so it can be tested without a host and a third chain can sit beside it the same way.
/// </summary>
public sealed class EthereumCoreTests
{
    private static readonly ArchUnitNET.Domain.Architecture Code =
        new ArchLoader().LoadAssemblies(typeof(Meterchat.Ethereum.Erc20TransferMatch).Assembly).Build();

    [Fact]
    public void The_ethereum_folder_uses_neither_ef_core_nor_asp_net_core()
    {
        Types().That().ResideInNamespace("Meterchat.Ethereum")
            .Should().NotDependOnAnyTypesThat().ResideInNamespaceMatching(@"Microsoft\.(EntityFrameworkCore|AspNetCore)(\..*)?")
            .Check(Code);
    }
}
