using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using Meterchat.DevChain;
using Meterchat.Deposits;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;

namespace Meterchat.IntegrationTests.Deposits;

public sealed class DepositClaimTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const long Usdt = 1_000_000;
    private readonly DepositsDriver _d = new(factory, factory);

    [Fact]
    public async Task Each_user_has_one_stable_address_of_their_own()
    {
        var a = await _d.NewUserAsync();
        var b = await _d.NewUserAsync();
        var again = await a.Client.GetFromJsonAsync<DepositAddressResponse>("/api/deposits/address");

        Assert.NotEqual(a.Address, b.Address);
        Assert.Equal(a.Address.ToBase58(), again!.Address);
        Assert.Equal(3_000_000, again.Minimum.Micros);
        Assert.Equal(100, again.TokensPerUsdt);
    }

    [Fact]
    public async Task Money_endpoints_need_a_verified_email()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);
        var tokens = await client.LoginForTokensAsync(email);
        using var unverified = factory.CreateClient(tokens.AccessToken);

        var response = await unverified.PostAsJsonAsync("/api/deposits/claims", new { txId = new string('a', 64) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_txid_is_refused()
    {
        var user = await _d.NewUserAsync();

        var response = await user.ClaimAsync("0xabc123");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ClaimOutcome.MalformedType, await response.TypeAsync());
        Assert.Contains("64 hex digits", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_txid_is_kept_pending_and_credited_once_it_lands()
    {
        var user = await _d.NewUserAsync();
        var sender = _d.FundedKey(10 * Usdt);
        var signed = _d.Sign(sender, _d.Chain.Usdt, Trc20.EncodeTransfer(user.Address, new BigInteger(4 * Usdt)));

        var response = await user.ClaimAsync(signed.TxIdHex.ToUpperInvariant());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(ClaimOutcome.PendingUnknownType, await response.TypeAsync());
        Assert.Equal("pending", Assert.Single(await user.HistoryAsync()).Status);

        _d.Broadcast(signed);
        _d.UntilFinal();
        await _d.Watcher.ProcessAvailableBlocksAsync();

        Assert.Equal(4 * Usdt, await DepositsDriver.WalletAsync(user));
        var item = Assert.Single(await user.HistoryAsync());
        Assert.Equal("credited", item.Status);
        Assert.Equal("400", item.Credited.Tokens);
    }

    [Fact]
    public async Task Failed_transaction_is_refused()
    {
        var user = await _d.NewUserAsync();
        var sender = _d.FundedKey(1 * Usdt);
        var txId = _d.SendUsdt(sender, user.Address, 5 * Usdt); // more than it holds: REVERT, a TXID but no transfer
        _d.UntilFinal();

        var response = await user.ClaimAsync(txId);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(ClaimOutcome.FailedType, await response.TypeAsync());
        Assert.Equal(0, await DepositsDriver.WalletAsync(user));
    }

    [Fact]
    public async Task Trx_transfer_is_not_a_usdt_transfer_rather_than_a_failure()
    {
        var user = await _d.NewUserAsync();
        var txId = _d.Chain.Faucet(user.Address, FaucetToken.Trx, 5_000_000); // succeeded; its receipt has no result, as on mainnet
        _d.UntilFinal();

        var response = await user.ClaimAsync(txId);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(ClaimOutcome.NotUsdtType, problem.GetProperty("type").GetString());
        Assert.Equal("Not a USDT transfer", problem.GetProperty("title").GetString());
        Assert.Contains("not a USDT transfer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("failed", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("refused", problem.GetProperty("claimStatus").GetString());
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Equal(0, await DepositsDriver.WalletAsync(user));
    }

    [Fact]
    public async Task Fake_usdt_is_refused_as_the_wrong_token()
    {
        var user = await _d.NewUserAsync();
        var txId = _d.Chain.Faucet(user.Address, FaucetToken.FakeUsdt, 50 * Usdt);
        _d.UntilFinal();

        var response = await user.ClaimAsync(txId);
        await _d.Watcher.ProcessAvailableBlocksAsync();

        Assert.Equal(ClaimOutcome.WrongTokenType, await response.TypeAsync());
        Assert.Contains("another token", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await DepositsDriver.WalletAsync(user));
    }

    [Fact]
    public async Task Claim_of_another_users_deposit_is_refused()
    {
        var owner = await _d.NewUserAsync("owner");
        var thief = await _d.NewUserAsync("thief");
        var txId = _d.Chain.Faucet(owner.Address, FaucetToken.Usdt, 5 * Usdt);
        _d.UntilFinal();

        var response = await thief.ClaimAsync(txId);

        Assert.Equal(ClaimOutcome.OtherAddressType, await response.TypeAsync());
        Assert.Equal(0, await DepositsDriver.WalletAsync(thief));
        Assert.Equal(HttpStatusCode.OK, (await owner.ClaimAsync(txId)).StatusCode);
        Assert.Equal(5 * Usdt, await DepositsDriver.WalletAsync(owner));
    }

    [Fact]
    public async Task Transfer_through_another_contract_counts_by_the_usdt_log()
    {
        var user = await _d.NewUserAsync();
        var sender = _d.FundedKey(20 * Usdt);
        var txId = _d.Call(sender, _d.Chain.Router, DevChainRouter.EncodeRoute(_d.Chain.Usdt, user.Address, 7 * Usdt));
        _d.UntilFinal();

        var response = await user.ClaimAsync(txId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("credited", (await response.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(7 * Usdt, await DepositsDriver.WalletAsync(user));
    }

    [Fact]
    public async Task Second_claim_of_a_credited_txid_says_already_credited()
    {
        var user = await _d.NewUserAsync();
        var txId = _d.Chain.Faucet(user.Address, FaucetToken.Usdt, 3 * Usdt);
        _d.UntilFinal();

        var first = await user.ClaimAsync(txId);
        var second = await user.ClaimAsync(txId);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(ClaimOutcome.AlreadyCreditedType, await second.TypeAsync());
        Assert.Equal(3 * Usdt, await DepositsDriver.WalletAsync(user));
    }

    [Fact]
    public async Task Claim_before_finality_is_confirming_then_completes_by_itself()
    {
        var user = await _d.NewUserAsync();
        var txId = _d.Chain.Faucet(user.Address, FaucetToken.Usdt, 12_345_678);
        _d.Blocks(6); // in block h+1, head h+6: 5 blocks on top

        var response = await user.ClaimAsync(txId);
        var body = await response.JsonAsync();
        var lag = _d.Chain.Options.SolidityLag;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(ClaimOutcome.ConfirmingType, body.GetProperty("type").GetString());
        Assert.Equal(5, body.GetProperty("confirmations").GetInt64());
        Assert.Equal(lag, body.GetProperty("confirmationsRequired").GetInt64());
        Assert.Contains($"5 of {lag}", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await DepositsDriver.WalletAsync(user));
        Assert.StartsWith("Confirming 5 of", Assert.Single(await user.HistoryAsync()).Label, StringComparison.Ordinal);

        _d.UntilFinal();
        await _d.Watcher.ProcessAvailableBlocksAsync();

        Assert.Equal(12_345_678, await DepositsDriver.WalletAsync(user));
        Assert.Equal(ClaimOutcome.AlreadyCreditedType, await (await user.ClaimAsync(txId)).TypeAsync());
    }

    [Fact]
    public async Task Below_minimum_deposits_wait_and_credit_together_once_over_it()
    {
        var user = await _d.NewUserAsync();
        var small = _d.Chain.Faucet(user.Address, FaucetToken.Usdt, 1 * Usdt);
        _d.UntilFinal();

        var response = await user.ClaimAsync(small);
        Assert.Equal(ClaimOutcome.BelowMinimumType, await response.TypeAsync());
        Assert.Equal(0, await DepositsDriver.WalletAsync(user));
        Assert.Equal("below-minimum", Assert.Single(await user.HistoryAsync()).Status);

        _d.Chain.Faucet(user.Address, FaucetToken.Usdt, 1_500_000);
        _d.UntilFinal();
        await _d.Watcher.ProcessAvailableBlocksAsync();
        Assert.Equal(0, await DepositsDriver.WalletAsync(user)); // 2.5 USDT: still below

        _d.Chain.Faucet(user.Address, FaucetToken.Usdt, 500_000);
        _d.UntilFinal();
        await _d.Watcher.ProcessAvailableBlocksAsync();

        Assert.Equal(3 * Usdt, await DepositsDriver.WalletAsync(user));
        Assert.All(await user.HistoryAsync(), i => Assert.Equal("credited", i.Status));
        Assert.Equal(ClaimOutcome.AlreadyCreditedType, await (await user.ClaimAsync(small)).TypeAsync());
    }

    [Fact]
    public async Task Watcher_credits_a_deposit_nobody_pasted_and_ignores_zero_and_foreign_transfers()
    {
        var user = await _d.NewUserAsync();
        var sender = _d.FundedKey(10 * Usdt);
        var zero = _d.SendUsdt(sender, user.Address, 0);
        _d.Chain.ProduceBlock();
        _d.SendUsdt(sender, user.Address, 6 * Usdt);
        _d.Chain.Faucet(user.Address, FaucetToken.FakeUsdt, 9 * Usdt);
        _d.UntilFinal();

        await _d.Watcher.ProcessAvailableBlocksAsync();

        Assert.Equal(6 * Usdt, await DepositsDriver.WalletAsync(user));
        Assert.Single(await user.HistoryAsync());
        Assert.Equal(ClaimOutcome.ZeroAmountType, await (await user.ClaimAsync(zero)).TypeAsync());
    }

    [Fact]
    public async Task Fifty_concurrent_claims_and_the_watcher_credit_once()
    {
        var user = await _d.NewUserAsync();
        var txId = _d.Chain.Faucet(user.Address, FaucetToken.Usdt, 25 * Usdt);
        _d.UntilFinal();
        var before = await _d.CreditedDepositsAsync();

        var claims = Enumerable.Range(0, 50).Select(_ => user.ClaimAsync(txId)).ToList();
        var watcher = _d.Watcher.ProcessAvailableBlocksAsync();
        var responses = await Task.WhenAll(claims);
        await watcher;

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        Assert.Equal(25 * Usdt, await DepositsDriver.WalletAsync(user));
        Assert.Equal(25 * Usdt, await _d.CreditedDepositsAsync() - before);
        var audit = await _d.AuditAsync();
        Assert.True(audit.Passed, string.Join("; ", audit.Checks.Where(c => !c.Passed).Select(c => c.Detail)));
    }

    [Fact]
    public async Task Of_fifty_concurrent_claims_only_the_one_that_credited_says_credited()
    {
        var user = await _d.NewUserAsync();
        var txId = _d.Chain.Faucet(user.Address, FaucetToken.Usdt, 12 * Usdt);
        _d.UntilFinal();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => user.ClaimAsync(txId)));

        var types = await Task.WhenAll(responses.Select(r => r.TypeAsync()));
        Assert.Single(types, t => t == ClaimOutcome.CreditedType);
        Assert.Equal(49, types.Count(t => t == ClaimOutcome.AlreadyCreditedType));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(12 * Usdt, await DepositsDriver.WalletAsync(user));
    }
}
