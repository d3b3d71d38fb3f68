namespace Meterchat.Ledger;

/// <summary>
/// One line of the reserves the audit counts against liabilities: what it is, its value in µUSDT, and how it was
/// read or valued. <see cref="Value"/> is null when it could not be read or valued now; <see cref="Detail"/> says why.
/// </summary>
public sealed record ReservesLine(string Name, Micros? Value, string Detail);
