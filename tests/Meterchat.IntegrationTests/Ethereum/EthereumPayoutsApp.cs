using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text;
using Meterchat.Accounts;
using Meterchat.Data;
using Meterchat.Ethereum;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.IntegrationTests.Withdrawals;
using Meterchat.Ledger;
using Meterchat.Withdrawals;
using Meterchat.Withdrawals.Ethereum;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nethereum.Signer;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>
/// The app pointed at the test run's ganache and tokens, with its own Ethereum hot wallet (1 ETH, 1,000 USDT and USDC),
/// the payout sender's timer off (tests call passes) and a 10-minute address cooldown.
/// </summary>
public sealed class EthereumPayoutsApp : AppFactory
{
    public static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(10);

    private EthereumPayoutsApp(GanacheChain chain, EthECKey hotWallet, bool withUsdc)
    {
        Chain = chain;
        HotWallet = EthereumAddress.Parse(hotWallet.GetPublicAddress());
        HotWalletKey = hotWallet;
        Settings["Withdrawals:SenderEnabled"] = "false";
        Settings["Withdrawals:AddressCooldown"] = Cooldown.ToString();
        Settings["Ethereum:RpcUrl"] = chain.Options.RpcUrl;
        Settings["Ethereum:ChainId"] = "1337";
        Settings["Ethereum:Confirmations"] = "2";
        Settings["Ethereum:HotWalletKey"] = hotWallet.GetPrivateKey();
        Settings["Ethereum:Price:FixedMicrosPerEther"] = "3000000000";
        Settings["Ethereum:Tokens:0:Symbol"] = "USDT";
        Settings["Ethereum:Tokens:0:Contract"] = chain.Usdt.Checksummed;
        if (withUsdc)
        {
            Settings["Ethereum:Tokens:1:Symbol"] = "USDC";
            Settings["Ethereum:Tokens:1:Contract"] = chain.Usdc.Checksummed;
        }
    }

    public GanacheChain Chain { get; }

    public EthereumAddress HotWallet { get; }

    /// <summary>The hot wallet's key, for tests that play a second writer of its nonces (another tool, an underpriced copy).</summary>
    public EthECKey HotWalletKey { get; }

    public PayoutSender Sender => Services.GetRequiredService<PayoutSender>();

    /// <summary>A fresh hot wallet funded on ganache, and the app using it.</summary>
    public static async Task<EthereumPayoutsApp> StartAsync(GanacheChain chain, bool withUsdc = true)
    {
        var key = await chain.FundedKeyAsync(BigInteger.Pow(10, 18), chain.Usdt, 1_000_000_000);
        await chain.SendAsync(chain.Funder, chain.Usdc, 0, EthereumNode.TokenTransferData(EthereumAddress.Parse(key.GetPublicAddress()), 1_000_000_000));
        return new EthereumPayoutsApp(chain, key, withUsdc);
    }

    /// <summary>
    /// A sender as after a restart: new instances of the sender, its Ethereum half and the node client (which forgets
    /// the nonces it signed), sharing only the database and the chain.
    /// </summary>
    public PayoutSender RestartedSender()
    {
        var node = new EthereumNode(Services.GetRequiredService<IOptions<EthereumOptions>>().Value, new HttpClient());
        var ethereum = ActivatorUtilities.CreateInstance<EthereumPayouts>(Services, node);
        var tron = Services.GetServices<IPayoutNetwork>().Where(n => n.Network != PayoutNetwork.Ethereum);
        return new PayoutSender(Services.GetRequiredService<IServiceScopeFactory>(), [.. tron, ethereum], Services.GetRequiredService<ILedger>(), Time,
            Services.GetRequiredService<IOptions<WithdrawalsOptions>>(), Services.GetRequiredService<Meterchat.Cluster.WorkerGate>(), Services.GetRequiredService<ILogger<PayoutSender>>());
    }

    /// <summary>A verified seller with <paramref name="earnings"/> USDT of earnings.</summary>
    public async Task<Seller> CreateSellerAsync(string earnings = "100")
    {
        var (email, token) = await this.CreateVerifiedUserAsync("seller");
        using var scope = Services.CreateScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
        var result = await Services.GetRequiredService<ILedger>().TransferAsync(TransferRequest.Move(
            $"test:earnings:{user.Id}", TransferKind.Adjustment, AccountRef.PlatformRevenue, AccountRef.Earnings(user.Id), Micros.ParseUsdt(earnings)));
        Assert.True(result.Succeeded);
        return new Seller(user.Id, email, this.CreateClient(token));
    }

    /// <summary>A fresh Ethereum address saved in the seller's book (as typed: all lower case) and past its cooldown.</summary>
    public async Task<EthereumAddress> UsableAddressAsync(Seller seller)
    {
        var address = EthereumAddress.Parse(EthECKey.GenerateKey().GetPublicAddress());
        var response = await seller.Http.PostAsJsonAsync("/api/withdrawals/addresses", new { address = address.Lower, label = "metamask", password = AccountsApi.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(address.Checksummed, (await response.Content.ReadFromJsonAsync<PayoutAddressView>())!.Address);
        Time.Advance(Cooldown + TimeSpan.FromSeconds(1));
        return address;
    }

    public static Task<HttpResponseMessage> RequestAsync(Seller seller, string amount, string to, string network = "ethereum", string? asset = "USDT") =>
        seller.Http.PostAsJsonAsync("/api/withdrawals", new { amount, address = to, network, asset, password = AccountsApi.Password });

    /// <summary>Empty blocks on ganache (evm_mine), so transactions mined before become final.</summary>
    public async Task MineAsync(int blocks)
    {
        using var http = new HttpClient();
        for (var i = 0; i < blocks; i++)
        {
            using var body = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"evm_mine","params":[]}""", Encoding.UTF8, "application/json");
            (await http.PostAsync(Chain.Options.RpcUrl, body)).EnsureSuccessStatusCode();
        }
    }

    public async Task<Withdrawal> WithdrawalAsync(long id)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Withdrawal>().AsNoTracking().SingleAsync(w => w.Id == id);
    }

    public async Task<int> WithdrawalCountAsync(string userId)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Withdrawal>().CountAsync(w => w.UserId == userId);
    }

    public async Task<UserBalances> BalancesAsync(Seller seller) => await Services.GetRequiredService<ILedger>().GetBalancesAsync(seller.UserId);

    public async Task AssertAuditPassesAsync()
    {
        using var scope = Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<LedgerAuditor>().RunAsync();
        Assert.True(report.Passed, string.Join("; ", report.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
    }
}
