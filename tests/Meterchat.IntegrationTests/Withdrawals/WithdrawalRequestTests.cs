using System.Net;
using System.Net.Http.Json;
using Meterchat.Data;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.Ledger;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Withdrawals;

namespace Meterchat.IntegrationTests.Withdrawals;

public sealed class WithdrawalRequestTests(WithdrawalsApp app) : IClassFixture<WithdrawalsApp>
{
    [Theory]
    [InlineData("2.99", null, WithdrawalProblems.BelowMinimum)]
    [InlineData("299", "tokens", WithdrawalProblems.BelowMinimum)]
    [InlineData("abc", null, WithdrawalProblems.BadAmount)]
    [InlineData("60", null, WithdrawalProblems.InsufficientEarnings)]
    public async Task Refused_amounts_hold_nothing(string amount, string? unit, string type)
    {
        var seller = await app.CreateSellerAsync("50");
        var to = await app.UsableAddressAsync(seller);

        var response = await WithdrawalsApp.RequestAsync(seller, amount, to, unit: unit);

        Assert.Equal(type, await response.ProblemTypeAsync());
        Assert.Equal(new UserBalances(Micros.Zero, Micros.ParseUsdt("50"), Micros.Zero), await app.BalancesAsync(seller));
        await app.AssertAuditPassesAsync();
    }

    [Theory]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6", "34 characters")]
    [InlineData("0xa614f803b6fd780986a42c78ec9c7f77e6ded13c", "Ethereum")]
    [InlineData("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u", "checksum")]
    public async Task Bad_address_is_refused_with_the_reason(string address, string reason)
    {
        var seller = await app.CreateSellerAsync("50");

        var response = await seller.Http.PostAsJsonAsync("/api/withdrawals", new { amount = "10", address });

        Assert.Equal(WithdrawalProblems.BadAddress, await response.ProblemTypeAsync());
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Micros.Zero, (await app.BalancesAsync(seller)).Held);
    }

    [Fact]
    public async Task Platform_addresses_and_the_usdt_contract_are_refused()
    {
        var seller = await app.CreateSellerAsync("50");

        var hot = await WithdrawalsApp.RequestAsync(seller, "10", app.HotWallet.Address);
        var contract = await WithdrawalsApp.RequestAsync(seller, "10", app.Chain.Usdt);

        Assert.Equal(WithdrawalProblems.PlatformAddress, await hot.ProblemTypeAsync());
        Assert.Equal(WithdrawalProblems.BadAddress, await contract.ProblemTypeAsync());
        Assert.Equal(Micros.Zero, (await app.BalancesAsync(seller)).Held);
    }

    [Fact]
    public async Task A_deposit_address_of_the_platform_is_refused_as_a_payout_address()
    {
        var seller = await app.CreateSellerAsync("50");
        var other = await app.CreateSellerAsync("0");
        var theirs = (await other.Http.GetFromJsonAsync<Meterchat.Deposits.DepositAddressResponse>("/api/deposits/address"))!.Address;
        var mine = (await seller.Http.GetFromJsonAsync<Meterchat.Deposits.DepositAddressResponse>("/api/deposits/address"))!.Address;

        var toTheirs = await WithdrawalsApp.RequestAsync(seller, "10", TronAddress.Parse(theirs));
        var saveMine = await seller.Http.PostAsJsonAsync("/api/withdrawals/addresses", new { address = mine, label = "me" });

        Assert.Equal(WithdrawalProblems.PlatformAddress, await toTheirs.ProblemTypeAsync());
        Assert.Equal(WithdrawalProblems.PlatformAddress, await saveMine.ProblemTypeAsync());
        Assert.Equal(Micros.Zero, (await app.BalancesAsync(seller)).Held);
    }

    [Fact]
    public async Task New_address_cools_down_before_it_can_be_used()
    {
        var seller = await app.CreateSellerAsync("50");
        var to = TronAddress.FromPublicKey(TronKey.Generate().PublicKey);

        var first = await WithdrawalsApp.RequestAsync(seller, "10", to);
        app.Time.Advance(WithdrawalsApp.Cooldown - TimeSpan.FromMinutes(1));
        var still = await WithdrawalsApp.RequestAsync(seller, "10", to);
        app.Time.Advance(TimeSpan.FromMinutes(2));
        var after = await WithdrawalsApp.RequestAsync(seller, "10", to);

        Assert.Equal(WithdrawalProblems.AddressCooling, await first.ProblemTypeAsync());
        Assert.Equal(WithdrawalProblems.AddressCooling, await still.ProblemTypeAsync());
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        var book = await seller.Http.GetFromJsonAsync<List<PayoutAddressView>>("/api/withdrawals/addresses");
        Assert.Equal(to.ToBase58(), Assert.Single(book!).Address);
    }

    [Fact]
    public async Task Daily_limit_counts_the_last_24_hours()
    {
        var seller = await app.CreateSellerAsync("1500");
        var to = await app.UsableAddressAsync(seller);

        var first = await WithdrawalsApp.RequestAsync(seller, "600", to);
        var second = await WithdrawalsApp.RequestAsync(seller, "500", to);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(WithdrawalProblems.DailyLimit, await second.ProblemTypeAsync());
        Assert.Equal(Micros.ParseUsdt("600"), (await app.BalancesAsync(seller)).Held);
        await SettleAsync();
    }

    [Fact]
    public async Task Two_factor_code_is_required_and_checked_when_enabled()
    {
        var seller = await app.CreateSellerAsync("50");
        var to = await app.UsableAddressAsync(seller);
        (seller, var sharedKey) = await app.WithTwoFactorAsync(seller);

        var missing = await WithdrawalsApp.RequestAsync(seller, "10", to);
        var wrong = await WithdrawalsApp.RequestAsync(seller, "10", to, code: TwoFactorTests.WrongCode(app, sharedKey));
        var right = await WithdrawalsApp.RequestAsync(seller, "10", to, code: TwoFactorTests.CurrentCode(app, sharedKey));

        Assert.Equal(WithdrawalProblems.TwoFactorRequired, await missing.ProblemTypeAsync());
        Assert.Equal(WithdrawalProblems.TwoFactorInvalid, await wrong.ProblemTypeAsync());
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
        Assert.Equal(Micros.ParseUsdt("10"), (await app.BalancesAsync(seller)).Held);
        await SettleAsync();
    }

    [Fact]
    public async Task Request_shows_fees_and_what_arrives_and_moves_earnings_to_held()
    {
        var seller = await app.CreateSellerAsync("50");
        var to = await app.UsableAddressAsync(seller);

        var quote = await seller.Http.GetFromJsonAsync<WithdrawalQuote>("/api/withdrawals/quote?amount=1000&unit=tokens");
        var response = await WithdrawalsApp.RequestAsync(seller, "1000", to, unit: "tokens");
        var view = await response.Content.ReadFromJsonAsync<WithdrawalView>();

        Assert.Equal("8.50", quote!.Net.Usdt);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(("Approved", "10.00", "0.50", "1.00", "8.50"), (view!.Status, view.Amount.Usdt, view.PlatformFee.Usdt, view.NetworkFee.Usdt, view.Net.Usdt));
        Assert.Equal(new UserBalances(Micros.Zero, Micros.ParseUsdt("40"), Micros.ParseUsdt("10")), await app.BalancesAsync(seller));
        await SettleAsync();
        await app.AssertAuditPassesAsync();
    }

    [Fact]
    public async Task Concurrent_requests_never_hold_more_than_the_earnings()
    {
        var seller = await app.CreateSellerAsync("50");
        var to = await app.UsableAddressAsync(seller);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => WithdrawalsApp.RequestAsync(seller, "7", to)));

        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(7, created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(WithdrawalProblems.InsufficientEarnings, await refused.ProblemTypeAsync());
        }

        Assert.Equal(new UserBalances(Micros.Zero, Micros.ParseUsdt("1"), Micros.ParseUsdt("49")), await app.BalancesAsync(seller));
        await SettleAsync();
        await app.AssertAuditPassesAsync();
    }

    [Fact]
    public async Task Banned_users_withdrawals_are_frozen()
    {
        var seller = await app.CreateSellerAsync("50");
        var to = await app.UsableAddressAsync(seller);
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services))
        {
            var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Meterchat.Data.AppUser>>(scope.ServiceProvider);
            var user = (await users.FindByIdAsync(seller.UserId))!;
            user.BannedAt = app.Time.GetUtcNow();
            await users.UpdateAsync(user);
        }

        var response = await WithdrawalsApp.RequestAsync(seller, "10", to);

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized); // the ban also ends the token
        Assert.Equal(Micros.Zero, (await app.BalancesAsync(seller)).Held);
    }

    /// <summary>Pays what is approved, so no withdrawal is left active for the next test's sender passes.</summary>
    private async Task SettleAsync()
    {
        await app.Sender.ProcessOnceAsync();
        app.Solidify();
        await app.Sender.ProcessOnceAsync();
    }
}
