using System.Net;
using System.Net.Http.Json;
using Meterchat.Accounts;
using Meterchat.IntegrationTests.Infrastructure;

namespace Meterchat.IntegrationTests.Accounts;

public sealed class TwoFactorTests(AppFactory factory) : IClassFixture<AppFactory>
{
    // Codes are checked against the app's clock (±1 step), here the fake one; each step's code works once.
    internal static string CurrentCode(AppFactory factory, string sharedKey) => Totp.Code(sharedKey, factory.Time.GetUtcNow());

    private string CurrentCode(string sharedKey) => CurrentCode(factory, sharedKey);

    internal static string WrongCode(AppFactory factory, string sharedKey)
    {
        var valid = Enumerable.Range(-3, 7).Select(step => Totp.Code(sharedKey, factory.Time.GetUtcNow().AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(code => !valid.Contains(code));
    }

    private string WrongCode(string sharedKey) => WrongCode(factory, sharedKey);

    [Fact]
    public void Totp_matches_the_rfc_6238_vector()
    {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits), so 287082 in 6.
        Assert.Equal("287082", Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)));
    }

    [Fact]
    public async Task With_two_factor_on_login_requires_the_code()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);
        var (sharedKey, recoveryCodes) = await EnableTwoFactorAsync(email);
        Assert.Equal(10, recoveryCodes.Length);

        var withoutCode = await client.LoginAsync(email);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal(AuthProblems.TwoFactorRequired, await withoutCode.ProblemTypeAsync());

        var wrongCode = await client.LoginAsync(email, twoFactorCode: WrongCode(sharedKey));
        Assert.Equal(AuthProblems.InvalidCredentials, await wrongCode.ProblemTypeAsync());

        var tokens = await client.LoginForTokensAsync(email, twoFactorCode: CurrentCode(sharedKey));
        using var authorized = factory.CreateClient(tokens.AccessToken);
        Assert.True((await authorized.GetFromJsonAsync<AccountSummary>("/api/auth/me"))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);
        var (_, recoveryCodes) = await EnableTwoFactorAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(email, recoveryCode: recoveryCodes[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync(email, recoveryCode: recoveryCodes[0])).StatusCode);
    }

    [Fact]
    public async Task Two_factor_cannot_be_enabled_with_a_wrong_code()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);
        using var authorized = factory.CreateClient((await client.LoginForTokensAsync(email)).AccessToken);
        var setup = await (await authorized.PostAsJsonAsync("/api/auth/manage/2fa", new { })).Content.ReadFromJsonAsync<TwoFactorState>();

        var response = await authorized.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = true, twoFactorCode = WrongCode(setup!.SharedKey!) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(email)).StatusCode);
    }

    /// <summary>Through Identity's /manage/2fa, as a script would: read the shared key, answer with a code.</summary>
    internal static async Task<(string SharedKey, string[] RecoveryCodes)> EnableTwoFactorAsync(AppFactory factory, string email)
    {
        using var client = factory.CreateClient();
        using var authorized = factory.CreateClient((await client.LoginForTokensAsync(email)).AccessToken);
        var setup = await (await authorized.PostAsJsonAsync("/api/auth/manage/2fa", new { })).Content.ReadFromJsonAsync<TwoFactorState>();
        Assert.False(setup!.IsTwoFactorEnabled);
        Assert.False(string.IsNullOrEmpty(setup.SharedKey));

        var enabled = await authorized.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = true, twoFactorCode = CurrentCode(factory, setup.SharedKey) });
        Assert.True(enabled.StatusCode == HttpStatusCode.OK, await enabled.Content.ReadAsStringAsync());
        var state = await enabled.Content.ReadFromJsonAsync<TwoFactorState>();
        Assert.True(state!.IsTwoFactorEnabled);
        factory.Time.Advance(TimeSpan.FromSeconds(30)); // the enabling code is spent: the next one comes from the next step
        return (setup.SharedKey, state.RecoveryCodes!);
    }

    private Task<(string SharedKey, string[] RecoveryCodes)> EnableTwoFactorAsync(string email) => EnableTwoFactorAsync(factory, email);

    internal sealed record TwoFactorState(string? SharedKey, int RecoveryCodesLeft, string[]? RecoveryCodes, bool IsTwoFactorEnabled);
}
