namespace Meterchat.Chats.Receipts;

/// <summary>One line of a verification: what was checked, whether it held, and what was found, in words.</summary>
public sealed record ReceiptCheck(string Name, bool Passed, string Detail);
