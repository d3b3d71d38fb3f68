namespace Meterchat.Chats.Receipts;

/// <summary>
/// Whether a receipt file someone uploads (a buyer in a dispute) is the server's: signed by the platform key, for this
/// session, with the same chain head, event count and bill as the server's own receipt.
/// </summary>
public sealed record ReceiptMatch(bool Matches, string Detail)
{
    public static ReceiptMatch Of(ReceiptFile uploaded, ReceiptFile server, ReceiptPublicKey platformKey)
    {
        ArgumentNullException.ThrowIfNull(uploaded);
        ArgumentNullException.ThrowIfNull(server);
        var verification = ReceiptVerifier.Verify(uploaded, platformKey);
        if (!verification.Passed)
        {
            return new(false, $"The uploaded receipt does not verify: {verification.Failure}");
        }

        var a = uploaded.Receipt;
        var b = server.Receipt;
        return a.SessionId != b.SessionId ? new(false, $"The uploaded receipt is for session {a.SessionId}, not this one.")
            : a.ChainHead != b.ChainHead || a.EventCount != b.EventCount
                ? new(false, $"The uploaded receipt signs {a.EventCount} events up to chain head {a.ChainHead}; the server's log has {b.EventCount} up to {b.ChainHead}.")
            : a.Units != b.Units || a.ChargedMicros != b.ChargedMicros || a.RefundMicros != b.RefundMicros
                ? new(false, $"The uploaded receipt bills {a.Units} units ({a.ChargedMicros} µUSDT); the server's bills {b.Units} ({b.ChargedMicros} µUSDT).")
            : new(true, $"The uploaded receipt matches the server's: signed by key {uploaded.KeyId}, {a.EventCount} events up to chain head {a.ChainHead}, {a.Units} units.");
    }
}
