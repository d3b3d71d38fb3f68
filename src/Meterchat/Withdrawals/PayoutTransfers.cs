using Meterchat.Ledger;

namespace Meterchat.Withdrawals;

/// <summary>
/// The ledger transfers of a payout, each keyed by the business fact (<c>payout:{id}:hold|release|paid|fee</c>) and
/// referenced <c>withdrawal:{id}</c>, so a step repeated after a crash is a no-op. Amounts are the withdrawal's µUSDT:
/// the hold and the release move <see cref="Withdrawal.Amount"/>; on success the net goes to the chain and the fees to the platform.
/// </summary>
public static class PayoutTransfers
{
    /// <summary>The request: earnings → held.</summary>
    public static TransferRequest Hold(Withdrawal w) =>
        TransferRequest.Move(Key(w, "hold"), TransferKind.WithdrawalHold, AccountRef.Earnings(w.UserId), AccountRef.Held(w.UserId), new Micros(w.Amount), Reference(w));

    /// <summary>Rejected by an admin, or failed on chain: held → earnings.</summary>
    public static TransferRequest Release(Withdrawal w) =>
        TransferRequest.Move(Key(w, "release"), TransferKind.WithdrawalRelease, AccountRef.Held(w.UserId), AccountRef.Earnings(w.UserId), new Micros(w.Amount), Reference(w));

    /// <summary>Final on chain: held → chain:withdrawals (the net that arrived).</summary>
    public static TransferRequest Paid(Withdrawal w) =>
        TransferRequest.Move(Key(w, "paid"), TransferKind.WithdrawalPaid, AccountRef.Held(w.UserId), AccountRef.ChainWithdrawals, new Micros(w.Net), Reference(w));

    /// <summary>Final on chain: held → platform:fees (platform fee + network fee).</summary>
    public static TransferRequest Fee(Withdrawal w) =>
        TransferRequest.Move(Key(w, "fee"), TransferKind.WithdrawalFee, AccountRef.Held(w.UserId), AccountRef.PlatformFees, new Micros(w.PlatformFee + w.NetworkFee), Reference(w));

    /// <summary>The ledger reference every transfer of this withdrawal carries.</summary>
    public static string Reference(Withdrawal w) => $"withdrawal:{w.Id}";

    /// <summary>A payout step's transfers must all be booked (or replayed); a refusal means the books disagree: the step stops and is retried.</summary>
    public static void EnsureBooked(IReadOnlyList<TransferResult> results, Withdrawal w)
    {
        if (results.FirstOrDefault(r => !r.Succeeded) is { } bad)
        {
            throw new InvalidOperationException($"Ledger refused {bad.IdempotencyKey} for payout {w.Id}: {bad.Status} {bad.Problem}");
        }
    }

    private static string Key(Withdrawal w, string step) => $"payout:{w.Id}:{step}";
}
