using Meterchat.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Meterchat.Accounts;

/// <summary>
/// On start (after migrations): makes sure the roles exist and, when no admin exists and a person is at the terminal,
/// creates one and shows its password there once. The password never goes to the logs (which are collected and kept):
/// a host without a terminal gets a hint in the log to run <c>admin create --email</c> instead.
/// </summary>
internal sealed class AdminSeeder(IServiceScopeFactory scopes, IOptions<AccountsOptions> options, TimeProvider time, OperatorConsole console, ILogger<AdminSeeder> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await RoleSetup.EnsureAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        if (!console.IsInteractive)
        {
            logger.LogWarning("No admin account exists. Create one with: Meterchat admin create --email you@example.com (the password is shown on the terminal once)");
            return;
        }

        var email = options.Value.AdminEmail;
        var password = await AdminAccount.CreateAsync(users, email, time);
        await console.Out.WriteLineAsync(AdminAccount.Banner(email, password));
        logger.LogInformation("Admin account {AdminEmail} created; its password was shown on the terminal", email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
