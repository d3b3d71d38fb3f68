using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meterchat.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Meterchat.IntegrationTests.Accounts;

public sealed partial class AdminSeedTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task First_start_creates_one_admin_and_prints_its_password_once()
    {
        var firstLogs = new LogCapture();
        string password;
        using (var first = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(firstLogs))))
        {
            using var client = first.CreateClient();
            var printed = Assert.Single(firstLogs.Entries, e => e.Message.Contains("ADMIN ACCOUNT", StringComparison.Ordinal)).Message;
            Assert.Contains("admin@meterchat.local", printed, StringComparison.Ordinal);
            password = PasswordLine().Match(printed).Groups[1].Value;
            Assert.True(password.Length >= 20);

            var tokens = await client.LoginForTokensAsync("admin@meterchat.local", password);
            using var admin = first.CreateClient(tokens.AccessToken);
            var me = await admin.GetFromJsonAsync<AccountSummary>("/api/auth/me");
            Assert.Contains(Roles.Admin, me!.Roles);
            Assert.True(me.EmailConfirmed);
        }

        // Second start on the same database: the admin exists, nothing is created or printed.
        var secondLogs = new LogCapture();
        using var second = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(secondLogs)));
        using var again = second.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await again.LoginAsync("admin@meterchat.local", password)).StatusCode);
        Assert.DoesNotContain(secondLogs.Entries, e => e.Message.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(secondLogs.Entries, e => e.Message.Contains("ADMIN ACCOUNT", StringComparison.Ordinal));

        await using var scope = second.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Single(await users.GetUsersInRoleAsync(Roles.Admin));
    }

    [GeneratedRegex(@"password:\s+(\S+)")]
    private static partial Regex PasswordLine();
}
