namespace Meterchat.Chats.Receipts;

/// <summary>One event of a receipt file's log: its position, its stored JSON (the exact text hashed) and its chain hash.</summary>
public sealed record ReceiptFileEvent(int Seq, string Event, string Hash);
