namespace Meterchat.Ledger;

/// <summary>One side of a transfer: a signed amount on one account (negative = debit).</summary>
public readonly record struct Leg(AccountRef Account, Micros Amount);
