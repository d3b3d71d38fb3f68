namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>The Ethereum tests share one funder account, so they run one after another (nonces in order).</summary>
[CollectionDefinition(Name)]
public sealed class GanacheCollection : ICollectionFixture<GanacheChain>
{
    public const string Name = "ganache";
}
