using System.Net;
using System.Net.Http.Json;
using Meterchat.Accounts;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Withdrawals;

namespace Meterchat.IntegrationTests.Withdrawals;

/// <summary>Withdrawal 2FA codes are limited and single-use; new addresses need a step-up; a credential change holds payouts (issue 13).</summary>
public sealed class WithdrawalSecurityTests(WithdrawalsApp app) : IClassFixture<WithdrawalsApp>
{
    [Fact]
    public async Task Wrong_codes_lock_withdrawals_like_sign_in()
    {
        var seller = await app.CreateSellerAsync("50");
        var to = await app.UsableAddressAsync(seller);
        (seller, var key) = await app.WithTwoFactorAsync(seller);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(WithdrawalProblems.TwoFactorInvalid, await (await WithdrawalsApp.RequestAsync(seller, "10", to, code: TwoFactorTests.WrongCode(app, key))).ProblemTypeAsync());
        }

        var right = await WithdrawalsApp.RequestAsync(seller, "10", to, code: TwoFactorTests.CurrentCode(app, key));
        Assert.Equal(WithdrawalProblems.TwoFactorLocked, await right.ProblemTypeAsync());

        app.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Created, (await WithdrawalsApp.RequestAsync(seller, "10", to, code: TwoFactorTests.CurrentCode(app, key))).StatusCode);
    }

    [Fact]
    public async Task One_code_approves_one_withdrawal()
    {
        var seller = await app.CreateSellerAsync("50");
        var to = await app.UsableAddressAsync(seller);
        (seller, var key) = await app.WithTwoFactorAsync(seller);
        var code = TwoFactorTests.CurrentCode(app, key);

        Assert.Equal(HttpStatusCode.Created, (await WithdrawalsApp.RequestAsync(seller, "10", to, code: code)).StatusCode);
        Assert.Equal(WithdrawalProblems.TwoFactorInvalid, await (await WithdrawalsApp.RequestAsync(seller, "10", to, code: code)).ProblemTypeAsync());
    }

    [Fact]
    public async Task A_new_payout_address_needs_the_password()
    {
        var seller = await app.CreateSellerAsync("50");
        var address = TronAddress.FromPublicKey(TronKey.Generate().PublicKey).ToBase58();

        var tokenOnly = await seller.Http.PostAsJsonAsync("/api/withdrawals/addresses", new { address, label = "thief" });
        var wrong = await seller.Http.PostAsJsonAsync("/api/withdrawals/addresses", new { address, label = "thief", password = "not the password" });
        var right = await seller.Http.PostAsJsonAsync("/api/withdrawals/addresses", new { address, label = "mine", password = AccountsApi.Password });

        Assert.Equal(AuthProblems.StepUpRequired, await tokenOnly.ProblemTypeAsync());
        Assert.Equal(AuthProblems.StepUpFailed, await wrong.ProblemTypeAsync());
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);

        // A withdrawal to an address not in the book adds it, so it needs the password too.
        var other = TronAddress.FromPublicKey(TronKey.Generate().PublicKey).ToBase58();
        var implicitAdd = await seller.Http.PostAsJsonAsync("/api/withdrawals", new { amount = "10", address = other });
        Assert.Equal(AuthProblems.StepUpRequired, await implicitAdd.ProblemTypeAsync());
        await seller.Http.WaitForMailAsync(seller.Email, m => m.Subject.Contains("payout address was added", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Withdrawals_wait_a_day_after_a_password_change()
    {
        var seller = await app.CreateSellerAsync("50");
        var to = await app.UsableAddressAsync(seller);
        var changed = await seller.Http.PostAsJsonAsync("/api/auth/manage/info", new { newPassword = "a whole new passphrase", oldPassword = AccountsApi.Password });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using var login = app.CreateClient();
        var seller2 = seller with { Http = app.CreateClient((await login.LoginForTokensAsync(seller.Email, "a whole new passphrase")).AccessToken) };

        Assert.Equal(WithdrawalProblems.CredentialsChanged, await (await WithdrawalsApp.RequestAsync(seller2, "10", to)).ProblemTypeAsync());
        app.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var seller3 = seller with { Http = app.CreateClient((await login.LoginForTokensAsync(seller.Email, "a whole new passphrase")).AccessToken) };
        Assert.Equal(HttpStatusCode.Created, (await WithdrawalsApp.RequestAsync(seller3, "10", to)).StatusCode);
    }
}
