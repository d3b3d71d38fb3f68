using System.Collections.Concurrent;
using System.Net.Http.Json;
using Meterchat.DevChain;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Admin;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Ledger;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Withdrawals;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Meterchat.IntegrationTests.Observability;

/// <summary>Secrets from configuration and users' passwords never reach a log line, its structured fields or its exception.</summary>
public sealed class LogSecretsTests
{
    [Fact]
    public async Task No_secret_appears_in_any_log_output_after_sign_ins_scrapes_and_a_payout()
    {
        using var hotKey = TronKey.Generate();
        var secrets = new Dictionary<string, string>
        {
            ["Withdrawals:HotWalletKey"] = hotKey.ExportHex(),
            ["Chat:TurnSecret"] = $"turn-secret-{Guid.NewGuid():N}",
            ["Mail:SmtpPassword"] = $"smtp-password-{Guid.NewGuid():N}",
            ["Observability:MetricsToken"] = $"metrics-token-{Guid.NewGuid():N}",
        };
        var password = $"Pw-{Guid.NewGuid():N}";
        await using var app = new SecretsApp();
        foreach (var (key, value) in secrets)
        {
            app.Settings[key] = value;
        }

        app.Settings["Chat:TurnUrls:0"] = "turn:127.0.0.1:3478";
        app.Settings["Withdrawals:SenderEnabled"] = "false";
        app.Settings["Withdrawals:AddressCooldown"] = "00:00:01";

        // Sign-ins: a wrong password, then the right one; an admin's pages; scrapes with and without the token.
        using var anonymous = app.CreateClient();
        var email = AccountsApi.NewEmail("seller");
        Assert.True((await anonymous.SignUpAsync(email, password)).IsSuccessStatusCode);
        Assert.True((await anonymous.VerifyEmailAsync(email)).IsSuccessStatusCode);
        Assert.False((await anonymous.LoginAsync(email, password + "x")).IsSuccessStatusCode);
        using var seller = app.CreateClient((await anonymous.LoginForTokensAsync(email, password)).AccessToken);
        using var admin = await app.NewAdminAsync();
        await admin.GetStringAsync(new Uri("/admin/system", UriKind.Relative));
        await admin.GetStringAsync(new Uri("/admin/treasury", UriKind.Relative));
        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        scrape.Headers.Authorization = new("Bearer", secrets["Observability:MetricsToken"]);
        Assert.True((await anonymous.SendAsync(scrape)).IsSuccessStatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        wrong.Headers.Authorization = new("Bearer", secrets["Observability:MetricsToken"][..^1]);
        await anonymous.SendAsync(wrong);
        await anonymous.PostAsJsonAsync("/api/deposits/claims", new { txId = "not-a-txid" });

        // A payout signed with the hot wallet key.
        var chain = app.Services.GetRequiredService<DevChainNode>();
        var wallet = app.Services.GetRequiredService<HotWallet>();
        chain.Faucet(wallet.Address, FaucetToken.Trx, 1_000_000_000);
        chain.Faucet(wallet.Address, FaucetToken.Usdt, 100_000_000);
        chain.ProduceBlock();
        var me = (await seller.GetFromJsonAsync<Sellers.SellersApi.Me>("/api/auth/me"))!;
        Assert.True((await app.Services.GetRequiredService<ILedger>().TransferAsync(TransferRequest.Move(
            $"test:earnings:{me.Id}", TransferKind.Adjustment, AccountRef.PlatformRevenue, AccountRef.Earnings(me.Id), Micros.ParseUsdt("30")))).Succeeded);
        var to = TronAddress.FromPublicKey(TronKey.Generate().PublicKey).ToBase58();
        Assert.True((await seller.PostAsJsonAsync("/api/withdrawals/addresses", new { address = to, label = "mine", password })).IsSuccessStatusCode);
        app.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.True((await seller.PostAsJsonAsync("/api/withdrawals", new { amount = "20", address = to })).IsSuccessStatusCode);
        var sender = app.Services.GetRequiredService<PayoutSender>();
        await sender.ProcessOnceAsync();
        chain.ProduceBlock();
        await sender.ProcessOnceAsync();
        Assert.Equal(18_500_000, chain.GetTokenBalance(chain.Usdt, TronAddress.Parse(to)));

        var lines = app.Logs.Lines;
        Assert.NotEmpty(lines);
        foreach (var secret in secrets.Values.Append(password))
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    private sealed class SecretsApp : AppFactory
    {
        public SecretLog Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        }
    }

    /// <summary>Everything a log shipper would get: the message, every structured field, the exception with its stack.</summary>
    private sealed class SecretLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                lines.Enqueue($"{category} scope: {Fields(state)}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category} {formatter(state, exception)} {Fields(state)} {exception}");

            private static string Fields<TState>(TState state) => state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
                : state?.ToString() ?? "";
        }
    }
}
