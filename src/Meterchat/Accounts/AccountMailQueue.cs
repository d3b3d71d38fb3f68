using System.Threading.Channels;

namespace Meterchat.Accounts;

/// <summary>
/// Mails an anonymous request asks for (forgot password, resend verification, sign-up with a taken address). The request
/// only queues the address and answers at once, the same way whether an account exists or not: looking the account up,
/// making its token and writing the mail happen here, so neither the answer nor its timing tells who is a member.
/// In memory: a request lost in a crash costs the person one more click, and no secret is kept.
/// </summary>
public sealed class AccountMailQueue(IServiceScopeFactory scopes, ILogger<AccountMailQueue> logger) : BackgroundService
{
    private readonly Channel<(AccountMailKind Kind, string Email)> _queue =
        Channel.CreateBounded<(AccountMailKind, string)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Enqueue(AccountMailKind kind, string? email)
    {
        var address = email?.Trim() ?? "";
        if (address.Length is > 0 and <= 256)
        {
            _queue.Writer.TryWrite((kind, address));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (kind, email) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AccountMailer>().SendAsync(kind, email);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Account mail {Kind} failed", kind);
            }
        }
    }
}
