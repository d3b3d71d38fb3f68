namespace Meterchat.Ledger;

/// <summary>
/// Books a refund as ONE keyed transfer split by <see cref="RefundSplit"/>. The split depends on the seller's earnings
/// at that moment; if they shrink before the transfer lands (a withdrawal, another refund), the guarded debit refuses
/// it and the split is computed again. A key already recorded (with the legs of an earlier balance) is the refund done.
/// </summary>
public static class RefundTransfer
{
    private const int Attempts = 5;

    public static async Task<(TransferResult Result, RefundSplit Split)> BookAsync(
        ILedger ledger, string key, TransferKind kind, string buyerId, string sellerId,
        Micros refund, Micros sellerGot, Micros platformGot, string reference, CancellationToken ct)
    {
        TransferResult? result = null;
        var split = default(RefundSplit);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var earnings = await ledger.GetBalanceAsync(AccountRef.Earnings(sellerId), ct);
            split = RefundSplit.Of(refund, sellerGot, platformGot, earnings);
            result = await ledger.TransferAsync(new TransferRequest(key, kind, split.Legs(buyerId, sellerId), reference), ct);
            if (result.Status != TransferStatus.InsufficientFunds)
            {
                break;
            }
        }

        if (result!.Status == TransferStatus.KeyConflict)
        {
            result = result with { Status = TransferStatus.Replayed };
        }

        return (result, split);
    }
}
