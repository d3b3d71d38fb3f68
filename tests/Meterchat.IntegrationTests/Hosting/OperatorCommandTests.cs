using System.Net;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Chats;
using Meterchat.IntegrationTests.Infrastructure;

namespace Meterchat.IntegrationTests.Hosting;

/// <summary>
/// The README's operator commands, each as written, run by the built app as a child process in the environment
/// <c>dotnet run</c> gives it (ASPNETCORE_ENVIRONMENT=Development from the launch profile), from the app's own folder:
/// the database and admin verbs, and a production start without settings (see also <see cref="TronCommandTests"/>
/// and <see cref="VerifyCommandTests"/>).
/// </summary>
public sealed class OperatorCommandTests
{
    [Fact]
    public async Task Audit_runs_in_the_launch_profiles_environment_on_its_sqlite_database()
    {
        var file = Path.Combine(Path.GetTempPath(), $"meterchat-audit-{Guid.NewGuid():N}.db");
        try
        {
            // Only the connection string is given: the provider comes from the environment's appsettings
            // (Development: SQLite; Production would be PostgreSQL and fail on this string).
            var run = await OperatorCommand.RunAsync(["audit"], new() { ["Database__ConnectionString"] = $"Data Source={file}" });

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("Audit passed.", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Npgsql", run.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Admin_create_prints_a_password_once_that_signs_in_as_an_admin()
    {
        var db = TestDatabase.Create();
        var email = AccountsApi.NewEmail("operator");
        Dictionary<string, string> store = new() { ["Database__Provider"] = db.Provider, ["Database__ConnectionString"] = db.ConnectionString };

        var created = await OperatorCommand.RunAsync(["admin", "create", "--email", email], store);
        var again = await OperatorCommand.RunAsync(["admin", "create", "--email", email], store);

        Assert.True(created.ExitCode == 0, created.ToString());
        var password = System.Text.RegularExpressions.Regex.Match(created.Output, @"password:\s+(\S+)").Groups[1].Value;
        Assert.NotEmpty(password);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("exists already", again.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(password, again.ToString(), StringComparison.Ordinal);

        await using var app = await AppProcess.StartAsync(db);
        using var http = new HttpClient { BaseAddress = app.Address };
        var tokens = await http.LoginForTokensAsync(email, password);
        http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task Production_without_settings_lists_them_and_exits_without_a_stack_trace()
    {
        var run = await OperatorCommand.RunAsync([], new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        Assert.NotEqual(0, run.ExitCode);
        foreach (var key in new[] { "Database:ConnectionString", "Redis:Connection", "Chat:TurnSecret", "Chain:ApiKey", "Withdrawals:HotWalletKeyFile", "Deposits:AccountXpub", "Mail:SmtpHost" })
        {
            Assert.Contains(key, run.Error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", run.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.ToString(), StringComparison.Ordinal);
    }
}
