using Meterchat.Ethereum;

namespace Meterchat.Tests.Ethereum;

public sealed class Eip681Tests
{
    private static readonly EthereumAddress To = EthereumAddress.Parse("0x9858effd232b4033e47d90003d41ec34ecaeda94");
    private static readonly EthereumAddress Usdc = EthereumAddress.Parse("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48");

    [Fact]
    public void Ether_request_names_the_checksummed_address_and_the_chain() =>
        Assert.Equal("ethereum:0x9858EfFD232B4033E47d90003D41EC34EcaEda94@1", Eip681.Ether(To, 1));

    [Fact]
    public void Token_request_is_a_transfer_call_on_the_token_with_the_deposit_address() =>
        Assert.Equal("ethereum:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48@1337/transfer?address=0x9858EfFD232B4033E47d90003D41EC34EcaEda94",
            Eip681.TokenTransfer(Usdc, To, 1337));
}
