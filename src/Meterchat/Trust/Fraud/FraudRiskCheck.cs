using Meterchat.Withdrawals;

namespace Meterchat.Trust.Fraud;

/// <summary>The withdrawals feature's risk check: the rules run, and any open flag sends the withdrawal to manual review.</summary>
internal sealed class FraudRiskCheck(FraudCheck check) : IWithdrawalRiskCheck
{
    public async Task<IReadOnlyList<string>> FlagsAsync(string userId, long amountMicros, string toAddress, CancellationToken cancellationToken)
    {
        var flags = await check.BeforeWithdrawalAsync(userId, cancellationToken);
        return flags.Select(f => f.Rule).Distinct().Select(rule => $"fraud flag {rule}").ToList();
    }
}
