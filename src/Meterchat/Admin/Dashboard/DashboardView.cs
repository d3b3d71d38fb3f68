namespace Meterchat.Admin.Dashboard;

/// <summary>
/// The console's first screen. "Today" is the UTC day of <see cref="At"/>; <see cref="Days"/> ends with today,
/// <see cref="Hours"/> with the current hour. Amounts in µUSDT. <see cref="UncountedReserves"/> names the reserves
/// lines that could not be read (a chain's node unreachable): <see cref="OnChainReservesMicros"/> leaves them out, so a
/// shortfall then says nothing.
/// </summary>
public sealed record DashboardView(
    DateTimeOffset At,
    int LiveSessions,
    int SellersOnline,
    int SellersBusy,
    int WithdrawalsToReview,
    DayFigures Today,
    long LiabilitiesMicros,
    long? OnChainReservesMicros,
    bool AuditPassed,
    IReadOnlyList<DayFigures> Days,
    IReadOnlyList<HourFigures> Hours,
    IReadOnlyList<string> UncountedReserves);
