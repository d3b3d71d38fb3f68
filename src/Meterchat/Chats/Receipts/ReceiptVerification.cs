namespace Meterchat.Chats.Receipts;

/// <summary>The outcome of verifying a receipt file: every check in order; it passes when none failed.</summary>
public sealed record ReceiptVerification(IReadOnlyList<ReceiptCheck> Checks)
{
    public bool Passed => Checks.All(c => c.Passed);

    /// <summary>The first failure's detail, or null.</summary>
    public string? Failure => Checks.FirstOrDefault(c => !c.Passed)?.Detail;
}
