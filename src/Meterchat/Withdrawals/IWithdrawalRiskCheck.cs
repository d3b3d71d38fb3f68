namespace Meterchat.Withdrawals;

/// <summary>Fraud flags for a withdrawal request; any flag sends it to manual review. Moderation plugs in its own.</summary>
public interface IWithdrawalRiskCheck
{
    Task<IReadOnlyList<string>> FlagsAsync(string userId, long amountMicros, string toAddress, CancellationToken cancellationToken);
}

/// <summary>The default: no flags.</summary>
internal sealed class NoRiskFlags : IWithdrawalRiskCheck
{
    public Task<IReadOnlyList<string>> FlagsAsync(string userId, long amountMicros, string toAddress, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
