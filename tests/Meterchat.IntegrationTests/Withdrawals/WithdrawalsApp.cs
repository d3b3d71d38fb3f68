using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using Meterchat.Accounts;
using Meterchat.Data;
using Meterchat.DevChain;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Ledger;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;
using Meterchat.Withdrawals;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Withdrawals;

/// <summary>
/// The app with the payout sender's timer off (tests call <see cref="PayoutSender.ProcessOnceAsync"/>) and a
/// 10-minute address cooldown; helpers to make sellers with earnings, step the dev chain and count payouts.
/// </summary>
public sealed class WithdrawalsApp : AppFactory
{
    public static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(10);

    public DevChainNode Chain => Services.GetRequiredService<DevChainNode>();

    public HotWallet HotWallet => Services.GetRequiredService<HotWallet>();

    public PayoutSender Sender => Services.GetRequiredService<PayoutSender>();

    /// <summary>Extra service registrations for this app (set before its first use), applied after the app's own.</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Withdrawals:SenderEnabled", "false");
        builder.UseSetting("Withdrawals:AddressCooldown", Cooldown.ToString());
        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    /// <summary>A verified user with <paramref name="earnings"/> USDT of earnings (an adjustment from platform revenue).</summary>
    public async Task<Seller> CreateSellerAsync(string earnings = "50", bool admin = false)
    {
        var (email, token) = await this.CreateVerifiedUserAsync(admin ? "admin" : "seller");
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        if (admin)
        {
            Assert.True((await users.AddToRoleAsync(user, Roles.Admin)).Succeeded);
            using var login = CreateClient();
            token = (await login.LoginForTokensAsync(email)).AccessToken;
        }

        if (Micros.ParseUsdt(earnings).IsPositive)
        {
            var result = await Services.GetRequiredService<ILedger>().TransferAsync(TransferRequest.Move(
                $"test:earnings:{user.Id}", TransferKind.Adjustment, AccountRef.PlatformRevenue, AccountRef.Earnings(user.Id), Micros.ParseUsdt(earnings)));
            Assert.True(result.Succeeded);
        }

        return new Seller(user.Id, email, this.CreateClient(token));
    }

    /// <summary>Turns two-factor on; turning it on ends the seller's tokens, so the seller signs in again with a code.</summary>
    public async Task<(Seller Seller, string Key)> WithTwoFactorAsync(Seller seller)
    {
        var (key, _) = await TwoFactorTests.EnableTwoFactorAsync(this, seller.Email);
        using var login = CreateClient();
        var tokens = await login.LoginForTokensAsync(seller.Email, twoFactorCode: TwoFactorTests.CurrentCode(this, key));
        Time.Advance(TimeSpan.FromSeconds(30));
        return (seller with { Http = this.CreateClient(tokens.AccessToken) }, key);
    }

    /// <summary>A fresh recipient, saved in the seller's address book and past its cooldown.</summary>
    public async Task<TronAddress> UsableAddressAsync(Seller seller)
    {
        var address = TronAddress.FromPublicKey(TronKey.Generate().PublicKey);
        var response = await seller.Http.PostAsJsonAsync("/api/withdrawals/addresses", new { address = address.ToBase58(), label = "my wallet", password = AccountsApi.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Time.Advance(Cooldown + TimeSpan.FromSeconds(1));
        return address;
    }

    /// <summary>A withdrawal as a script asks for it; the password is the step-up should the address be new.</summary>
    public static Task<HttpResponseMessage> RequestAsync(Seller seller, string amount, TronAddress to, string? code = null, string? unit = null) =>
        seller.Http.PostAsJsonAsync("/api/withdrawals", new { amount, address = to.ToBase58(), unit, twoFactorCode = code, password = AccountsApi.Password });

    /// <summary>Enough blocks for everything pending to be solidified.</summary>
    public void Solidify() => Blocks(Chain.Options.SolidityLag + 1);

    public void Blocks(int n)
    {
        for (var i = 0; i < n; i++)
        {
            Chain.ProduceBlock();
        }
    }

    public long UsdtOf(TronAddress address) => Chain.GetTokenBalance(Chain.Usdt, address);

    /// <summary>Successful USDT Transfer logs to <paramref name="to"/> in blocks from <paramref name="fromBlock"/> on.</summary>
    public async Task<int> PayoutsToAsync(TronAddress to, long fromBlock)
    {
        var node = Services.GetRequiredService<ITronNode>();
        var count = 0;
        for (var n = fromBlock; n <= Chain.Head.Number; n++)
        {
            foreach (var info in await node.GetTransactionInfoByBlockNumAsync(n))
            {
                count += info.Logs.Count(l => l.Address == Chain.Usdt && l.TryDecodeTransfer(out var t) && t.To == to);
            }
        }

        return count;
    }

    /// <summary>Moves the hot wallet's USDT away in a transaction broadcast now (it executes first in the next block).</summary>
    public string DrainHotWallet(TronAddress sink)
    {
        var head = Chain.Head;
        var balance = UsdtOf(HotWallet.Address);
        var raw = TransactionRaw.Create(Tapos.FromBlock(head.Number, Hex.Parse(head.BlockId)), head.Timestamp.ToUnixTimeMilliseconds() + 60_000,
            head.Timestamp.ToUnixTimeMilliseconds(), 100_000_000, new TriggerSmartContract(HotWallet.Address, Chain.Usdt, 0, Trc20.EncodeTransfer(sink, new BigInteger(balance))));
        var signed = SignedTransaction.Sign(raw, HotWallet.Key);
        var result = Chain.Broadcast(signed);
        Assert.True(result.Result, result.Message);
        return signed.TxIdHex;
    }

    public async Task AssertAuditPassesAsync()
    {
        using var scope = Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<LedgerAuditor>().RunAsync();
        Assert.True(report.Passed, string.Join("; ", report.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        Assert.NotNull(report.Figures.OnChainReserves);
    }

    public async Task<UserBalances> BalancesAsync(Seller seller) => await Services.GetRequiredService<ILedger>().GetBalancesAsync(seller.UserId);

    /// <summary>The withdrawal as stored now.</summary>
    public async Task<Withdrawal> WithdrawalAsync(long id)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Withdrawal>().AsNoTracking().SingleAsync(w => w.Id == id);
    }

    /// <summary>How many ledger releases (held → earnings) this withdrawal has.</summary>
    public async Task<int> ReleasesAsync(long id)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<LedgerTransfer>().CountAsync(t => t.Reference == $"withdrawal:{id}" && t.Kind == TransferKind.WithdrawalRelease);
    }
}

public sealed record Seller(string UserId, string Email, HttpClient Http);
