using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Tron.Crypto;
using Meterchat.Withdrawals;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meterchat.IntegrationTests.Withdrawals;

public sealed class HotWalletTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public void Production_refuses_to_start_without_a_hot_wallet_key()
    {
        using var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("Mail:SmtpHost", "smtp.example.test"));

        var error = Assert.Throws<Meterchat.Hosting.ProductionConfigurationException>(() => production.CreateClient());

        Assert.Contains("Withdrawals:HotWalletKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_key_is_used_and_never_shown()
    {
        using var key = TronKey.Generate();
        using var app = factory.WithWebHostBuilder(b => b.UseSetting("Withdrawals:HotWalletKey", key.ExportHex()));

        var wallet = app.Services.GetRequiredService<HotWallet>();

        Assert.Equal(key.Address, wallet.Address);
        Assert.False(wallet.Generated);
        Assert.DoesNotContain(key.ExportHex(), wallet.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Dev_key_is_generated_once_beside_the_chain_state_and_funded_from_the_faucet()
    {
        var wallet = factory.Services.GetRequiredService<HotWallet>();
        var chain = factory.Services.GetRequiredService<Meterchat.DevChain.DevChainNode>();

        Assert.True(File.Exists(chain.Options.StatePath + ".hotwallet.key"));
        Assert.Equal(DevHotWalletFunding.Usdt, chain.GetTokenBalance(chain.Usdt, wallet.Address));
        Assert.True(chain.GetTrxBalance(wallet.Address) > 0);
    }
}
