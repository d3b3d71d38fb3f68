using System.Net;
using Meterchat.Accounts.Mail;
using Meterchat.Data;
using Meterchat.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Accounts;

/// <summary>With the mail server down, sign-up still answers 200; the mail waits in the outbox and goes out on a retry (issue 13, item 13).</summary>
public sealed class MailOutboxTests : IDisposable
{
    private readonly FlakyRelay _relay = new();
    private readonly AppFactory _factory = new();

    public MailOutboxTests()
    {
        _factory.Settings["Mail:Delivery"] = "Smtp";
        _factory.Settings["Mail:SmtpHost"] = "127.0.0.1";
        _factory.Settings["Mail:SenderEnabled"] = "false";
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Sign_up_succeeds_while_smtp_is_down_and_the_mail_goes_out_on_retry()
    {
        var app = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddScoped<IMailRelay>(_ => _relay)));
        using var client = app.CreateClient();
        var email = AccountsApi.NewEmail();

        Assert.Equal(HttpStatusCode.OK, (await client.SignUpAsync(email)).StatusCode);

        var sender = app.Services.GetRequiredService<MailSender>();
        _relay.Down = true;
        Assert.Equal(0, await sender.SendDueAsync());
        Assert.Equal(0, await sender.SendDueAsync()); // backing off: not due again yet
        _relay.Down = false;
        _factory.Time.Advance(MailSender.Backoff(1));
        Assert.Equal(1, await sender.SendDueAsync());

        Assert.Equal([email], _relay.Sent);
        await using var scope = app.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMail>().SingleAsync(m => m.To == email);
        Assert.NotNull(row.SentAt);
        Assert.Equal(2, row.Attempts);
    }

    private sealed class FlakyRelay : IMailRelay
    {
        public bool Down { get; set; }

        public List<string> Sent { get; } = [];

        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
        {
            if (Down)
            {
                throw new IOException("connection refused");
            }

            Sent.Add(mail.To);
            return Task.CompletedTask;
        }
    }
}
