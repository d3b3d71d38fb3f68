using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using Meterchat.DevChain;
using Meterchat.Deposits;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Ledger;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Deposits;

/// <summary>What the deposit tests do: users with deposit addresses, transfers on the app's dev chain stepped by hand, claims, watcher passes.</summary>
internal sealed class DepositsDriver(WebApplicationFactory<Program> app, AppFactory owner)
{
    public DevChainNode Chain => app.Services.GetRequiredService<DevChainNode>();

    public DepositWatcher Watcher => app.Services.GetRequiredService<DepositWatcher>();

    public async Task<User> NewUserAsync(string who = "buyer")
    {
        var (email, token) = await owner.CreateVerifiedUserAsync(who);
        var client = app.CreateClient(token);
        var address = (await client.GetFromJsonAsync<DepositAddressResponse>("/api/deposits/address"))!;
        return new User(email, client, TronAddress.Parse(address.Address));
    }

    /// <summary>A key activated with TRX and holding <paramref name="usdt"/> µUSDT (one block later).</summary>
    public TronKey FundedKey(long usdt)
    {
        var key = TronKey.Generate();
        Chain.Faucet(key.Address, FaucetToken.Trx, 100_000_000);
        if (usdt > 0)
        {
            Chain.Faucet(key.Address, FaucetToken.Usdt, usdt);
        }

        Chain.ProduceBlock();
        return key;
    }

    /// <summary>Signs and broadcasts a call from <paramref name="key"/>; returns the TXID (it lands in the next block).</summary>
    public string Call(TronKey key, TronAddress contract, byte[] data) => Broadcast(Sign(key, contract, data));

    public SignedTransaction Sign(TronKey key, TronAddress contract, byte[] data)
    {
        var head = Chain.Head;
        var raw = TransactionRaw.Create(
            Tapos.FromBlock(head.Number, Hex.Parse(head.BlockId)),
            head.Timestamp.ToUnixTimeMilliseconds() + 60_000,
            head.Timestamp.ToUnixTimeMilliseconds(),
            100_000_000,
            new TriggerSmartContract(key.Address, contract, 0, data));
        return SignedTransaction.Sign(raw, key);
    }

    public string Broadcast(SignedTransaction signed)
    {
        var result = Chain.Broadcast(signed);
        Assert.True(result.Result, $"{result.Code} {result.Message}");
        return signed.TxIdHex;
    }

    public string SendUsdt(TronKey from, TronAddress to, long amount) => Call(from, Chain.Usdt, Trc20.EncodeTransfer(to, new BigInteger(amount)));

    public void Blocks(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Chain.ProduceBlock();
        }
    }

    /// <summary>Enough blocks for everything sent so far to be solidified.</summary>
    public void UntilFinal() => Blocks(Chain.Options.SolidityLag + 1);

    public static async Task<long> WalletAsync(User user)
    {
        using var json = JsonDocument.Parse(await user.Client.GetStringAsync("/api/me/balances"));
        return json.RootElement.GetProperty("wallet").GetProperty("micros").GetInt64();
    }

    public async Task<long> CreditedDepositsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<ILedger>();
        return -(await ledger.GetBalanceAsync(AccountRef.ChainDeposits)).Value;
    }

    public async Task<AuditReport> AuditAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerAuditor>().RunAsync();
    }

    public sealed record User(string Email, HttpClient Client, TronAddress Address)
    {
        public Task<HttpResponseMessage> ClaimAsync(string txId) => Client.PostAsJsonAsync("/api/deposits/claims", new { txId });

        public async Task<IReadOnlyList<DepositHistoryItem>> HistoryAsync() => (await Client.GetFromJsonAsync<List<DepositHistoryItem>>("/api/deposits"))!;
    }
}

internal static class ClaimResponses
{
    /// <summary>The body; a problem is checked as a strict parser reads it (no repeated member, a numeric status).</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            return await StrictJson.AssertProblemAsync(response);
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    public static async Task<string?> TypeAsync(this HttpResponseMessage response) =>
        (await response.JsonAsync()).TryGetProperty("type", out var t) ? t.GetString() : null;
}
