namespace Meterchat.Chats.Receipts;

/// <summary>The stable problem types of the receipt endpoints.</summary>
public static class ReceiptProblems
{
    /// <summary>The session is not over yet: receipts are signed once it ended.</summary>
    public const string NotOver = "receipts/not-over";

    /// <summary>The uploaded file is not a Meterchat receipt file.</summary>
    public const string InvalidFile = "receipts/invalid-file";

    /// <summary>There is no dispute on this chat to attach a receipt to.</summary>
    public const string NoDispute = "receipts/no-dispute";
}
