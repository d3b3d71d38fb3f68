using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meterchat.Accounts;
using Meterchat.Data;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Ledger;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Ledger;

public sealed class LedgerApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_new_user_sees_zero_balances_then_a_credit()
    {
        var (email, token) = await app.CreateVerifiedUserAsync();
        using var client = app.CreateClient(token);
        var before = await client.GetFromJsonAsync<JsonElement>("/api/me/balances");

        var user = await FindUserAsync(email);
        var ledger = app.Services.GetRequiredService<ILedger>();
        await ledger.TransferAsync(TransferRequest.Move($"deposit:test:{user.Id}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(user.Id), Micros.ParseUsdt("12.5")));
        var after = await client.GetFromJsonAsync<JsonElement>("/api/me/balances");
        var history = await client.GetFromJsonAsync<JsonElement>("/api/me/history");

        Assert.Equal(0, before.GetProperty("wallet").GetProperty("micros").GetInt64());
        Assert.Equal(12_500_000, after.GetProperty("wallet").GetProperty("micros").GetInt64());
        Assert.Equal("1250", after.GetProperty("wallet").GetProperty("tokens").GetString());
        Assert.Equal("Deposit", history[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Balances_need_a_signed_in_user()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(new Uri("/api/me/balances", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_audit_is_for_admins_only()
    {
        var (_, buyerToken) = await app.CreateVerifiedUserAsync("buyer");
        var (adminEmail, _) = await app.CreateVerifiedUserAsync("admin");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.AddToRoleAsync((await users.FindByEmailAsync(adminEmail))!, Roles.Admin);
        }

        using var anonymous = app.CreateClient();
        var adminToken = (await anonymous.LoginForTokensAsync(adminEmail)).AccessToken;
        using var buyer = app.CreateClient(buyerToken);
        using var admin = app.CreateClient(adminToken);

        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync(new Uri("/api/admin/audit", UriKind.Relative))).StatusCode);
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit");
        Assert.True(report.GetProperty("passed").GetBoolean());
    }

    private async Task<AppUser> FindUserAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
    }
}
