using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Meterchat.Deposits;
using Meterchat.Deposits.Ethereum;
using Meterchat.Ethereum;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Ledger;
using Microsoft.Extensions.DependencyInjection;
using NBitcoin;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>
/// The real app (its own database) with Ethereum on, pointed at the ganache of <see cref="GanacheChain"/>: its
/// tokens accepted, ETH at a fixed 3,000 USDT, 2 confirmations, and deposit addresses from a fresh mnemonic of its
/// own (users of earlier apps on the same node have other addresses).
/// </summary>
public sealed class EthereumApp : IDisposable
{
    public const long MicrosPerEther = 3_000_000_000;

    public EthereumApp(GanacheChain chain, Meterchat.Ethereum.Prices.IPriceSource? prices = null)
    {
        Chain = chain;
        Keys = EthereumDepositKeys.FromAccountXpub(EthereumDepositKeys.AccountXpubFromMnemonic(new Mnemonic(Wordlist.English, WordCount.Twelve).ToString()));
        Factory = prices is null ? new AppFactory() : new PricedAppFactory(prices);
        var settings = Factory.Settings;
        settings["Ethereum:RpcUrl"] = chain.Options.RpcUrl;
        settings["Ethereum:ChainId"] = "1337";
        settings["Ethereum:Confirmations"] = chain.Options.Confirmations.ToString(CultureInfo.InvariantCulture);
        settings["Ethereum:AccountXpub"] = Keys.AccountXpub;
        settings["Ethereum:Tokens:0:Symbol"] = "USDT";
        settings["Ethereum:Tokens:0:Contract"] = chain.Usdt.Checksummed;
        settings["Ethereum:Tokens:1:Symbol"] = "USDC";
        settings["Ethereum:Tokens:1:Contract"] = chain.Usdc.Checksummed;
        settings["Ethereum:Price:FixedMicrosPerEther"] = MicrosPerEther.ToString(CultureInfo.InvariantCulture);
        settings["Ethereum:ClaimsPerMinute"] = "1000";
    }

    public GanacheChain Chain { get; }

    public EthereumDepositKeys Keys { get; }

    public AppFactory Factory { get; }

    public EthereumDepositWatcher Watcher => Factory.Services.GetRequiredService<EthereumDepositWatcher>();

    public async Task<User> NewUserAsync()
    {
        var (_, token) = await Factory.CreateVerifiedUserAsync("buyer");
        var client = Factory.CreateClient(token);
        var info = (await client.GetFromJsonAsync<EthereumDepositInfo>("/api/deposits/ethereum"))!;
        var index = (await client.GetFromJsonAsync<DepositAddressResponse>("/api/deposits/address"))!.Index;
        await using var scope = Factory.Services.CreateAsyncScope();
        var userId = scope.ServiceProvider.GetRequiredService<Meterchat.Data.AppDbContext>().Set<DepositAddress>().Single(a => a.Index == index).UserId;
        return new User(client, EthereumAddress.Parse(info.Address!), info, userId);
    }

    /// <summary>Claims in a scope of its own, as a request would (the concurrency tests call it without HTTP's rate limit).</summary>
    public async Task<EthereumClaimOutcome> ClaimDirectAsync(User user, string hash)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EthereumDepositClaims>().ClaimAsync(user.UserId, hash);
    }

    public async Task<long> CreditedDepositsAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return -(await scope.ServiceProvider.GetRequiredService<ILedger>().GetBalanceAsync(AccountRef.ChainDeposits)).Value;
    }

    public async Task<AuditReport> AuditAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerAuditor>().RunAsync();
    }

    public async Task<List<EthereumDeposit>> RowsAsync(string hash)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Meterchat.Data.AppDbContext>();
        return [.. db.Set<EthereumDeposit>().Where(d => d.TxHash == hash).OrderBy(d => d.LogIndex)];
    }

    public void Dispose() => Factory.Dispose();

    public sealed record User(HttpClient Client, EthereumAddress Address, EthereumDepositInfo Info, string UserId)
    {
        public Task<HttpResponseMessage> ClaimAsync(string txHash) => Client.PostAsJsonAsync("/api/deposits/ethereum/claims", new { txHash });

        public async Task<long> WalletAsync()
        {
            using var json = JsonDocument.Parse(await Client.GetStringAsync("/api/me/balances"));
            return json.RootElement.GetProperty("wallet").GetProperty("micros").GetInt64();
        }

        public async Task<List<DepositHistoryItem>> HistoryAsync() => (await Client.GetFromJsonAsync<List<DepositHistoryItem>>("/api/deposits"))!;
    }
}
