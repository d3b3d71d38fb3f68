namespace Meterchat.Chats.Live;

/// <summary>
/// The live panel's data. <see cref="LiveSeconds"/> is the billed live time at <see cref="ServerNow"/>; while
/// <see cref="Running"/> the browser animates it forward. Balance, minutes left, what limits them and the warning
/// are the buyer's only; <see cref="EarnedTokens"/> (the seller's share so far) is the seller's only. While paused
/// because the other party's link is down, <see cref="PeerDropped"/> is set and <see cref="ReconnectDeadline"/> says
/// when the session ends unless they come back (the frozen terms' reconnect grace), for the page's countdown.
/// </summary>
public sealed record ChatStatus(
    Guid SessionId,
    string Role,
    string State,
    string? EndReason,
    DateTimeOffset ServerNow,
    double LiveSeconds,
    bool Running,
    long Units,
    long ChargedMicros,
    string TokensCharged,
    int Pauses,
    long? BalanceMicros,
    string? BalanceTokens,
    double? SecondsLeft,
    string? Warning,
    int RateTokensPerMinute,
    string? EarnedTokens,
    string? LimitedBy,
    bool PeerDropped,
    DateTimeOffset? ReconnectDeadline);
