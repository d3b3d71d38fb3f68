namespace Meterchat.Ledger;

/// <summary>The ledger's invariants at one moment (PRODUCT §1), with the figures behind them.</summary>
public sealed record AuditReport(DateTimeOffset At, IReadOnlyList<AuditCheck> Checks, AuditFigures Figures)
{
    public bool Passed => Checks.All(c => c.Passed);
}

/// <summary>
/// Liabilities (what users hold) next to what explains them: credited deposits − USDT paid out − platform income.
/// <see cref="OnChainReserves"/> is null when no reserves source is configured; it is the sum of the
/// <see cref="ReservesLines"/> that could be read (a line with a null value is shown, not counted).
/// </summary>
public sealed record AuditFigures(
    Micros Liabilities,
    Micros CreditedDeposits,
    Micros PaidOut,
    Micros PlatformIncome,
    Micros? OnChainReserves,
    IReadOnlyList<ReservesLine>? ReservesLines = null);
