using Meterchat.DevChain;
using Meterchat.Deposits;
using Meterchat.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Deposits;

public sealed class DepositRestartTests
{
    [Fact]
    public async Task Restart_between_transfer_and_finality_still_credits_exactly_once()
    {
        DepositsDriver.User user;
        string txId;
        string connection;
        await using (var first = new AppFactory())
        {
            var d = new DepositsDriver(first, first);
            user = await d.NewUserAsync();
            txId = d.Chain.Faucet(user.Address, FaucetToken.Usdt, 8_000_000);
            d.Blocks(2);
            Assert.Equal(ClaimOutcome.ConfirmingType, await (await user.ClaimAsync(txId)).TypeAsync());
            connection = first.Database.ConnectionString;
        }

        await using var owner = new AppFactory();
        await using var second = owner.WithWebHostBuilder(b => b.UseSetting("Database:ConnectionString", connection));
        var again = new DepositsDriver(second, owner);
        var chain = second.Services.GetRequiredService<DevChainNode>();
        Assert.Contains(txId, chain.GetBlock(chain.Head.Number - 1)!.TransactionIds);

        again.UntilFinal();
        await again.Watcher.ProcessAvailableBlocksAsync();
        await again.Watcher.ProcessAvailableBlocksAsync();

        var token = await LoginAsync(second, user.Email);
        var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var reloaded = user with { Client = client };
        Assert.Equal(8_000_000, await DepositsDriver.WalletAsync(reloaded));
        Assert.Equal(8_000_000, await again.CreditedDepositsAsync());
        Assert.Equal(Meterchat.Deposits.ClaimOutcome.AlreadyCreditedType, await (await reloaded.ClaimAsync(txId)).TypeAsync());
        Assert.True((await again.AuditAsync()).Passed);
    }

    private static async Task<string> LoginAsync(WebApplicationFactory<Program> app, string email)
    {
        using var client = app.CreateClient();
        return (await Accounts.AccountsApi.LoginForTokensAsync(client, email)).AccessToken;
    }
}
