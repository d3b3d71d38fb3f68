using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Meterchat.Accounts;
using Meterchat.Data;
using Meterchat.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Meterchat.IntegrationTests.Accounts;

public sealed partial class AdminSeedTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_start_without_a_terminal_creates_no_admin_and_logs_only_the_hint()
    {
        var logs = new LogCapture();
        using var fresh = new AppFactory(); // its own database: no admin yet whatever ran first
        using var app = fresh.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs))
            .ConfigureServices(s => s.AddSingleton<OperatorConsole>(new TestConsole(interactive: false))));
        using var client = app.CreateClient();

        Assert.Contains(logs.Entries, e => e.Message.Contains("admin create --email", StringComparison.Ordinal));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().GetUsersInRoleAsync(Roles.Admin));
    }

    [Fact]
    public async Task First_interactive_start_shows_the_admin_password_on_the_terminal_never_in_the_log()
    {
        var logs = new LogCapture();
        var console = new TestConsole(interactive: true);
        string password;
        using (var first = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)).ConfigureServices(s => s.AddSingleton<OperatorConsole>(console))))
        {
            using var client = first.CreateClient();
            var printed = console.Written.ToString();
            Assert.Contains("admin@meterchat.local", printed, StringComparison.Ordinal);
            password = PasswordLine().Match(printed).Groups[1].Value;
            Assert.True(password.Length >= 20);
            Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(password, StringComparison.Ordinal));

            var tokens = await client.LoginForTokensAsync("admin@meterchat.local", password);
            using var admin = first.CreateClient(tokens.AccessToken);
            var me = await admin.GetFromJsonAsync<AccountSummary>("/api/auth/me");
            Assert.Contains(Roles.Admin, me!.Roles);
        }

        var again = new TestConsole(interactive: true);
        using var second = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<OperatorConsole>(again)));
        using var client2 = second.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client2.LoginAsync("admin@meterchat.local", password)).StatusCode);
        Assert.Equal("", again.Written.ToString());
    }

    [GeneratedRegex(@"password:\s+(\S+)")]
    private static partial Regex PasswordLine();

    private sealed class TestConsole(bool interactive) : OperatorConsole
    {
        public StringWriter Written { get; } = new();

        public override bool IsInteractive => interactive;

        public override TextWriter Out => Written;
    }
}
