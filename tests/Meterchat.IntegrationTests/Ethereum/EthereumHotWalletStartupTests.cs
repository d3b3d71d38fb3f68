using Meterchat.Deposits.Ethereum.Sweeps;
using Meterchat.Ethereum;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Reserves.Ethereum;
using Meterchat.Withdrawals.Ethereum;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Signer;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>One Ethereum hot wallet for payouts, sweeps and the treasury, checked at startup without ever showing its key.</summary>
public sealed class EthereumHotWalletStartupTests
{
    [Theory]
    [InlineData("abcdef0123456789abcdef0123456789")] // 32 hex digits: half a key
    [InlineData("0xg1c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d")] // not hex
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")] // not a key on the curve
    [InlineData("fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe")] // above the curve's order
    public void A_malformed_key_stops_the_app_at_startup_naming_the_setting_and_never_the_key(string key)
    {
        using var app = new AppFactory();
        app.Settings["Ethereum:HotWalletKey"] = key;

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var text = error.ToString();
        Assert.Contains("Ethereum:HotWalletKey", text, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Replace("0x", "", StringComparison.Ordinal)[..16], text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_address_that_is_not_the_keys_stops_the_app_naming_both_settings_and_not_the_key()
    {
        var key = EthECKey.GenerateKey();
        using var app = new AppFactory();
        app.Settings["Ethereum:HotWalletKey"] = key.GetPrivateKey();
        app.Settings["Ethereum:HotWalletAddress"] = EthECKey.GenerateKey().GetPublicAddress();

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var text = error.ToString();
        Assert.Contains("Ethereum:HotWalletAddress", text, StringComparison.Ordinal);
        Assert.Contains("Ethereum:HotWalletKey", text, StringComparison.Ordinal);
        Assert.DoesNotContain(key.GetPrivateKey()[4..20], text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Payouts_sweeps_and_the_treasury_share_the_one_configured_hot_wallet()
    {
        var key = EthECKey.GenerateKey();
        using var app = new AppFactory();
        app.Settings["Ethereum:HotWalletKey"] = key.GetPrivateKey();
        app.Settings["Ethereum:HotWalletAddress"] = key.GetPublicAddress().ToLowerInvariant();
        using var client = app.CreateClient();

        var wallet = app.Services.GetRequiredService<EthereumHotWallet>();
        using var scope = app.Services.CreateScope();

        Assert.Equal(EthereumAddress.Parse(key.GetPublicAddress()), wallet.Address);
        Assert.True(wallet.CanSign);
        Assert.DoesNotContain(key.GetPrivateKey()[4..20], wallet.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(scope.ServiceProvider.GetRequiredService<EthereumPayoutFees>().IsHotWallet(EthereumAddress.Parse(key.GetPublicAddress())));
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<EthereumSweeps>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<EthereumHoldings>());
    }
}
