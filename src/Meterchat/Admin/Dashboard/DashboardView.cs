namespace Meterchat.Admin.Dashboard;

/// <summary>
/// The console's first screen. "Today" is the UTC day of <see cref="At"/>; <see cref="Days"/> ends with today,
/// <see cref="Hours"/> with the current hour. Amounts in µUSDT.
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
    IReadOnlyList<HourFigures> Hours);
