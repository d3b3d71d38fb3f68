using Meterchat.Accounts;
using Meterchat.Data;
using Meterchat.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Accounts;

/// <summary>The policy money features put on their endpoints: verified email, not banned, read from the database.</summary>
public sealed class VerifiedEmailPolicyTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Only_a_verified_not_banned_user_passes()
    {
        using var client = factory.CreateClient();
        var email = AccountsApi.NewEmail();
        await client.SignUpAsync(email);
        var principal = await PrincipalAsync(email);

        Assert.False(await PassesAsync(principal));

        await client.VerifyEmailAsync(email);
        Assert.True(await PassesAsync(principal));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.BannedAt = factory.Time.GetUtcNow();
            await users.UpdateAsync(user);
        }

        Assert.False(await PassesAsync(principal));
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        return await claims.CreateAsync((await users.FindByEmailAsync(email))!);
    }

    private async Task<bool> PassesAsync(System.Security.Claims.ClaimsPrincipal principal)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(principal, AccountPolicies.VerifiedEmail)).Succeeded;
    }
}
