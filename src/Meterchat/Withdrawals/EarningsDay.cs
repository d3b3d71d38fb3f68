namespace Meterchat.Withdrawals;

/// <summary>What a seller earned on one UTC day, µUSDT: their share of chat units, and tips.</summary>
public sealed record EarningsDay(DateOnly Day, long ChatMicros, long TipMicros);
