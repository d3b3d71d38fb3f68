using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Meterchat.Accounts;

/// <summary>
/// On start (after migrations): makes sure the roles exist and, when no admin exists, creates one with a
/// random password and prints it once. The password is stored only as Identity's hash, so it is never shown again.
/// </summary>
internal sealed class AdminSeeder(IServiceScopeFactory scopes, IOptions<AccountsOptions> options, TimeProvider time, ILogger<AdminSeeder> logger)
    : IHostedService
{
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var email = options.Value.AdminEmail;
        var password = RandomNumberGenerator.GetString(PasswordAlphabet, 24);
        var now = time.GetUtcNow();
        var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = now, AdultConfirmedAt = now };
        Check(await users.CreateAsync(admin, password), $"create the admin {email} (is the address taken? set Accounts:AdminEmail)");
        Check(await users.AddToRolesAsync(admin, [Roles.Buyer, Roles.Admin]), "give the admin its roles");

        // The one deliberate secret in the logs: the operator has no other way to learn it.
        logger.LogWarning(
            """

            ================ METERCHAT ADMIN ACCOUNT: SHOWN ONCE ================
              email:    {AdminEmail}
              password: {AdminPassword}
              Sign in at /Account/Login and keep it safe: it is never shown again.
            ===================================================================
            """,
            email,
            password);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
