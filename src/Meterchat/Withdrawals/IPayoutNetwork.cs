using Meterchat.Data;

namespace Meterchat.Withdrawals;

/// <summary>
/// One chain's half of the payout sender: follow the withdrawals whose transaction is stored (rebroadcast the same
/// bytes, book the final result), then sign, store and broadcast the approved ones. <see cref="PayoutSender"/> does
/// what is the same on every chain (hold, rejection, ban) and hands each implementation its own rows. A third chain
/// is one more implementation registered from the withdrawals feature.
/// </summary>
public interface IPayoutNetwork
{
    PayoutNetwork Network { get; }

    /// <param name="active">This network's withdrawals that are stored, broadcast, in a block, approved or waiting for funds (never a banned user's unsent one).</param>
    /// <param name="step">Runs one withdrawal's step and saves it; a failure is logged and that withdrawal retried next pass.</param>
    /// <param name="crashPoint">Test hook: "stored" (signed bytes saved, not broadcast) and "broadcast" (sent, result not recorded).</param>
    Task PassAsync(AppDbContext db, IReadOnlyList<Withdrawal> active, PayoutStep step, Action<string, Withdrawal>? crashPoint, CancellationToken ct);
}

/// <summary>Runs <paramref name="action"/> for <paramref name="w"/> and saves; a failure leaves that withdrawal for the next pass.</summary>
public delegate Task PayoutStep(Withdrawal w, Func<Task> action);
