namespace Meterchat.Chats.Live;

/// <summary>
/// The live panel's data. <see cref="LiveSeconds"/> is the billed live time at <see cref="ServerNow"/>; while
/// <see cref="Running"/> the browser animates it forward. Balance, minutes left and the warning are the buyer's only.
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
    string? Warning);
