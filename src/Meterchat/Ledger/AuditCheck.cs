namespace Meterchat.Ledger;

/// <summary>One invariant of the ledger, with the figures that prove or disprove it.</summary>
public sealed record AuditCheck(string Name, bool Passed, string Detail);
