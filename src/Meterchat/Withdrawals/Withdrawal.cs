namespace Meterchat.Withdrawals;

/// <summary>
/// One payout request and its one live transaction. Amounts are µUSDT: <see cref="Amount"/> (gross, what left
/// earnings) = <see cref="Net"/> (what arrives) + <see cref="PlatformFee"/> + <see cref="NetworkFee"/>.
/// It owns its state machine (<see cref="WithdrawalTransitions"/>): only its methods change <see cref="Status"/>,
/// each for one step, and a step its status does not allow throws <see cref="WithdrawalTransitionException"/>.
/// Every step stamps <see cref="UpdatedAt"/> and bumps <see cref="Version"/>, the concurrency token that keeps an
/// admin's decision and the sender from overwriting each other. No I/O here: the callers save.
/// </summary>
public sealed class Withdrawal
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public long Amount { get; set; }

    public long PlatformFee { get; set; }

    public long NetworkFee { get; set; }

    public long Net { get; set; }

    /// <summary>The recipient: base58 on TRON, EIP-55 checksummed 0x… on Ethereum.</summary>
    public required string ToAddress { get; set; }

    /// <summary>The chain it pays out on (TRON unless the seller chose another).</summary>
    public PayoutNetwork Network { get; set; }

    /// <summary>The stablecoin that arrives: USDT (TRON or Ethereum) or USDC (Ethereum). Always 6 decimals, 1:1 with µUSDT.</summary>
    public string Asset { get; set; } = "USDT";

    /// <summary>Changed only by this class's steps (EF Core reads and writes it through the private setter).</summary>
    public WithdrawalStatus Status { get; private set; }

    /// <summary>Why it went to review (risk flags, "above auto threshold"), comma-separated.</summary>
    public string? ReviewReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? ReviewedBy { get; set; }

    public string? RejectReason { get; set; }

    /// <summary>The current transaction: signed bytes (broadcasthex payload), stored before the first broadcast.</summary>
    public string? SignedHex { get; set; }

    public string? TxId { get; set; }

    /// <summary>The current transaction's expiration, ms since the epoch (TRON's clock: block time). Null on Ethereum.</summary>
    public long? ExpirationMs { get; set; }

    /// <summary>Ethereum: the hot wallet's nonce the current transaction uses (a replacement keeps it, so only one can land).</summary>
    public long? Nonce { get; set; }

    /// <summary>Ethereum: hashes of earlier transactions with the same nonce that were replaced, comma-separated (followed too).</summary>
    public string? ReplacedTxIds { get; set; }

    /// <summary>How many transactions were built (a new one only after the previous was proven expired and absent).</summary>
    public int Attempts { get; set; }

    public long? BlockNumber { get; set; }

    /// <summary>The real chain cost from the receipt, in the network's smallest unit: TRX sun on TRON, wei of ETH on Ethereum.</summary>
    public long? ChainFeeSun { get; set; }

    /// <summary>Energy (TRON) or gas (Ethereum) the transaction used.</summary>
    public long? EnergyUsed { get; set; }

    public string? FailureReason { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Optimistic concurrency: admin actions and the sender never overwrite each other.</summary>
    public int Version { get; set; }

    /// <summary>Approved but not signed yet: may wait for funds, be signed, or be frozen back to review.</summary>
    private static readonly WithdrawalStatus[] Unsent = [WithdrawalStatus.Approved, WithdrawalStatus.WaitingForFunds];

    /// <summary>A transaction is stored: it may be broadcast, land, or be proven expired.</summary>
    private static readonly WithdrawalStatus[] Signed = [WithdrawalStatus.Stored, WithdrawalStatus.Broadcast, WithdrawalStatus.InBlock];

    /// <summary>The hold is booked (earnings → held): to review when something flagged it, else to the sender.</summary>
    public void Held(DateTimeOffset now) =>
        MoveTo(ReviewReason is null ? WithdrawalStatus.Approved : WithdrawalStatus.InReview, now, nameof(Held), WithdrawalStatus.Holding);

    /// <summary>A request that crashed before its hold, and earnings no longer cover it: nothing moved, nothing will.</summary>
    public void Cancel(DateTimeOffset now) => MoveTo(WithdrawalStatus.Cancelled, now, nameof(Cancel), WithdrawalStatus.Holding);

    /// <summary>An admin lets a reviewed withdrawal go to the sender.</summary>
    public void Approve(string adminId, DateTimeOffset now)
    {
        MoveTo(WithdrawalStatus.Approved, now, nameof(Approve), WithdrawalStatus.InReview);
        ReviewedBy = adminId;
    }

    /// <summary>
    /// An admin refuses it: Rejecting until the release (held → earnings) is booked, so a crash in between is
    /// finished by the sender (<see cref="MarkRejected"/>). The reason, which the seller sees, keeps 400 characters.
    /// </summary>
    public void Reject(string adminId, string reason, DateTimeOffset now)
    {
        MoveTo(WithdrawalStatus.Rejecting, now, nameof(Reject), WithdrawalStatus.InReview);
        ReviewedBy = adminId;
        var trimmed = reason.Trim();
        RejectReason = trimmed[..Math.Min(400, trimmed.Length)];
    }

    /// <summary>The release of a rejected withdrawal is booked.</summary>
    public void MarkRejected(DateTimeOffset now) => MoveTo(WithdrawalStatus.Rejected, now, nameof(MarkRejected), WithdrawalStatus.Rejecting);

    /// <summary>
    /// Back to review with <paramref name="reason"/> (a banned account): an unsent one (approved or waiting for
    /// funds) returns to review; one still holding or in review only gains the reason. A signed one cannot be frozen.
    /// </summary>
    public void Freeze(string reason, DateTimeOffset now)
    {
        if (Status is WithdrawalStatus.Approved or WithdrawalStatus.WaitingForFunds)
        {
            MoveTo(WithdrawalStatus.InReview, now, nameof(Freeze), Unsent);
        }
        else if (Status is WithdrawalStatus.Holding or WithdrawalStatus.InReview)
        {
            Touch(now);
        }
        else
        {
            throw new WithdrawalTransitionException(Id, Status, nameof(Freeze));
        }

        ReviewReason = ReviewReason is null ? reason : ReviewReason.Contains(reason, StringComparison.Ordinal) ? ReviewReason : $"{reason}, {ReviewReason}";
    }

    /// <summary>The hot wallet lacks USDT or TRX: a state of its own, retried each pass. False when nothing changed (same reason).</summary>
    public bool WaitForFunds(string reason, DateTimeOffset now)
    {
        if (Status == WithdrawalStatus.WaitingForFunds && FailureReason == reason)
        {
            return false;
        }

        MoveTo(WithdrawalStatus.WaitingForFunds, now, nameof(WaitForFunds), Unsent);
        FailureReason = reason;
        return true;
    }

    /// <summary>Its transaction is built and signed: the bytes and TXID are kept (and saved) before any node sees them.</summary>
    public void MarkSigned(string signedHex, string txId, long? expirationMs, DateTimeOffset now, long? nonce = null)
    {
        MoveTo(WithdrawalStatus.Stored, now, nameof(MarkSigned), Unsent);
        SignedHex = signedHex;
        TxId = txId;
        ExpirationMs = expirationMs;
        Nonce = nonce;
        Attempts++;
        FailureReason = null;
    }

    /// <summary>
    /// Ethereum: the stored transaction was proven dropped (no node has it, and its nonce is still free); a new one
    /// with the <b>same nonce</b> replaces it, so at most one of them can ever be mined. The old hash is still followed.
    /// </summary>
    public void Replace(string signedHex, string txId, string reason, DateTimeOffset now)
    {
        MoveTo(WithdrawalStatus.Stored, now, nameof(Replace), WithdrawalStatus.Stored, WithdrawalStatus.Broadcast);
        ReplacedTxIds = ReplacedTxIds is null ? TxId : $"{ReplacedTxIds},{TxId}";
        SignedHex = signedHex;
        TxId = txId;
        Attempts++;
        FailureReason = reason;
    }

    /// <summary>Ethereum: an earlier transaction of the same nonce (replaced) is the one that was mined: follow it.</summary>
    public void FoundMined(string txId)
    {
        Require(nameof(FoundMined), Signed);
        TxId = txId;
    }

    /// <summary>A node accepted the stored bytes (or knew them). True when this moved it from Stored; false for a rebroadcast.</summary>
    public bool MarkBroadcast(DateTimeOffset now)
    {
        if (Status is WithdrawalStatus.Broadcast or WithdrawalStatus.InBlock)
        {
            return false;
        }

        MoveTo(WithdrawalStatus.Broadcast, now, nameof(MarkBroadcast), WithdrawalStatus.Stored);
        return true;
    }

    /// <summary>A node refused the bytes (e.g. TAPOS or expiration): they are kept and retried until proven expired and absent.</summary>
    public void NoteBroadcastRefused(string reason)
    {
        Require(nameof(NoteBroadcastRefused), Signed);
        FailureReason = reason;
    }

    /// <summary>Its transaction expired by the chain's clock and is in no block: it can never land, so a new one may be built.</summary>
    public void Expire(string reason, DateTimeOffset now)
    {
        MoveTo(WithdrawalStatus.Approved, now, nameof(Expire), Signed);
        FailureReason = reason;
        SignedHex = null;
        TxId = null;
        ExpirationMs = null;
        Nonce = null;
        ReplacedTxIds = null;
    }

    /// <summary>Its transaction is in a block (not yet solidified): the block and the real chain cost are recorded.</summary>
    public void MarkInBlock(long blockNumber, long feeSun, long energyUsed, DateTimeOffset now)
    {
        Require(nameof(MarkInBlock), Signed);
        BlockNumber = blockNumber;
        ChainFeeSun = feeSun;
        EnergyUsed = energyUsed;
        if (Status != WithdrawalStatus.InBlock)
        {
            MoveTo(WithdrawalStatus.InBlock, now, nameof(MarkInBlock), Signed);
        }
    }

    /// <summary>Final and successful on chain (the caller books held → chain:withdrawals and held → platform:fees).</summary>
    public void Confirm(DateTimeOffset now)
    {
        MoveTo(WithdrawalStatus.Completed, now, nameof(Confirm), WithdrawalStatus.InBlock);
        CompletedAt = now;
        FailureReason = null;
    }

    /// <summary>Final and failed on chain (the caller books the release held → earnings).</summary>
    public void Fail(string reason, DateTimeOffset now)
    {
        MoveTo(WithdrawalStatus.Failed, now, nameof(Fail), WithdrawalStatus.InBlock);
        CompletedAt = now;
        FailureReason = reason;
    }

    /// <summary>Throws unless the status is one the step may start from.</summary>
    private void Require(string step, params WithdrawalStatus[] from)
    {
        if (!from.Contains(Status))
        {
            throw new WithdrawalTransitionException(Id, Status, step);
        }
    }

    /// <summary>A step: allowed only from its own statuses, and only along an edge of <see cref="WithdrawalTransitions"/>.</summary>
    private void MoveTo(WithdrawalStatus to, DateTimeOffset now, string step, params WithdrawalStatus[] from)
    {
        Require(step, from);
        if (!WithdrawalTransitions.IsAllowed(Status, to))
        {
            throw new WithdrawalTransitionException(Id, Status, step);
        }

        Status = to;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
