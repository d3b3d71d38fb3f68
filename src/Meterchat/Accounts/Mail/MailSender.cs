using Meterchat.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Accounts.Mail;

/// <summary>
/// Delivers the outbox over SMTP: the oldest due rows first, each claimed by pushing its next attempt ahead (so two
/// nodes never send one mail twice), with exponential backoff up to an hour after a failure. Runs only with SMTP delivery.
/// </summary>
public sealed class MailSender(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider time, ILogger<MailSender> logger)
    : BackgroundService
{
    private const int Batch = 20;
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    /// <summary>Delivers what is due now; returns how many mails went out. The timer calls it; tests call it directly.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var relay = scope.ServiceProvider.GetRequiredService<IMailRelay>();
        var now = time.GetUtcNow();
        var due = await db.Set<OutboxMail>().AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id).Take(Batch).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var mail in due)
        {
            var claimed = await db.Set<OutboxMail>()
                .Where(m => m.Id == mail.Id && m.SentAt == null && m.NextAttemptAt == mail.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now + Claim), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            try
            {
                await relay.SendAsync(new OutgoingMail(mail.To, mail.Subject, mail.Text, mail.Html), cancellationToken);
                await db.Set<OutboxMail>().Where(m => m.Id == mail.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, time.GetUtcNow()).SetProperty(m => m.Attempts, mail.Attempts + 1), cancellationToken);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var attempts = mail.Attempts + 1;
                var retryAt = time.GetUtcNow() + Backoff(attempts);
                var error = $"{e.GetType().Name}: {e.Message}";
                await db.Set<OutboxMail>().Where(m => m.Id == mail.Id)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Attempts, attempts)
                        .SetProperty(m => m.NextAttemptAt, retryAt)
                        .SetProperty(m => m.LastError, error.Length > 500 ? error[..500] : error), cancellationToken);
                logger.LogWarning("Mail {MailId} not delivered (attempt {Attempts}), retry at {RetryAt}: {Error}", mail.Id, attempts, retryAt, e.GetType().Name);
            }
        }

        return sent;
    }

    /// <summary>30 s, 1 min, 2 min, ... at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 30 * Math.Pow(2, Math.Min(attempts - 1, 20))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Delivery != MailDelivery.Smtp || !options.Value.SenderEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) == Batch)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Mail outbox pass failed");
            }

            await Task.Delay(Poll, time, stoppingToken);
        }
    }
}
