using Meterchat.Withdrawals;

namespace Meterchat.Tests.Withdrawals;

/// <summary>
/// Every step of a withdrawal from every status: allowed ones land where the sender, the review and the request rely
/// on; refused ones throw and change nothing (status and version), so a stale read can never move money twice.
/// </summary>
public sealed class WithdrawalStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Step name → (what it does, the statuses it is allowed from → where it lands).</summary>
    private static readonly Dictionary<string, (Action<Withdrawal> Step, Dictionary<WithdrawalStatus, WithdrawalStatus> Allowed)> Steps = new()
    {
        ["Held"] = (w => w.Held(Now), new() { [WithdrawalStatus.Holding] = WithdrawalStatus.Approved }),
        ["Cancel"] = (w => w.Cancel(Now), new() { [WithdrawalStatus.Holding] = WithdrawalStatus.Cancelled }),
        ["Approve"] = (w => w.Approve("admin", Now), new() { [WithdrawalStatus.InReview] = WithdrawalStatus.Approved }),
        ["Reject"] = (w => w.Reject("admin", "why", Now), new() { [WithdrawalStatus.InReview] = WithdrawalStatus.Rejecting }),
        ["MarkRejected"] = (w => w.MarkRejected(Now), new() { [WithdrawalStatus.Rejecting] = WithdrawalStatus.Rejected }),
        ["Freeze"] = (w => w.Freeze("account banned", Now), new()
        {
            [WithdrawalStatus.Holding] = WithdrawalStatus.Holding,
            [WithdrawalStatus.InReview] = WithdrawalStatus.InReview,
            [WithdrawalStatus.Approved] = WithdrawalStatus.InReview,
            [WithdrawalStatus.WaitingForFunds] = WithdrawalStatus.InReview,
        }),
        ["WaitForFunds"] = (w => w.WaitForFunds("no USDT", Now), new()
        {
            [WithdrawalStatus.Approved] = WithdrawalStatus.WaitingForFunds,
            [WithdrawalStatus.WaitingForFunds] = WithdrawalStatus.WaitingForFunds,
        }),
        ["MarkSigned"] = (w => w.MarkSigned("0a02", "tx2", 2_000, Now), new()
        {
            [WithdrawalStatus.Approved] = WithdrawalStatus.Stored,
            [WithdrawalStatus.WaitingForFunds] = WithdrawalStatus.Stored,
        }),
        ["MarkBroadcast"] = (w => w.MarkBroadcast(Now), new()
        {
            [WithdrawalStatus.Stored] = WithdrawalStatus.Broadcast,
            [WithdrawalStatus.Broadcast] = WithdrawalStatus.Broadcast,
            [WithdrawalStatus.InBlock] = WithdrawalStatus.InBlock,
        }),
        ["NoteBroadcastRefused"] = (w => w.NoteBroadcastRefused("TAPOS_ERROR"), Signed(s => s)),
        ["Expire"] = (w => w.Expire("expired", Now), Signed(_ => WithdrawalStatus.Approved)),
        ["MarkInBlock"] = (w => w.MarkInBlock(7, 345, 130_285, Now), Signed(_ => WithdrawalStatus.InBlock)),
        ["Confirm"] = (w => w.Confirm(Now), new() { [WithdrawalStatus.InBlock] = WithdrawalStatus.Completed }),
        ["Fail"] = (w => w.Fail("REVERT", Now), new() { [WithdrawalStatus.InBlock] = WithdrawalStatus.Failed }),
        ["Replace"] = (w => w.Replace("0x02ff", "0xbeef", "dropped", Now), new()
        {
            [WithdrawalStatus.Stored] = WithdrawalStatus.Stored,
            [WithdrawalStatus.Broadcast] = WithdrawalStatus.Stored,
        }),
        ["FoundMined"] = (w => w.FoundMined("0xfeed"), Signed(s => s)),
    };

    public static TheoryData<string, WithdrawalStatus> EveryStepFromEveryStatus()
    {
        var data = new TheoryData<string, WithdrawalStatus>();
        foreach (var step in Steps.Keys)
        {
            foreach (var status in Enum.GetValues<WithdrawalStatus>())
            {
                data.Add(step, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStepFromEveryStatus))]
    public void A_step_lands_where_allowed_and_is_refused_elsewhere_changing_nothing(string step, WithdrawalStatus from)
    {
        var (apply, allowed) = Steps[step];
        var w = At(from);
        var version = w.Version;

        if (allowed.TryGetValue(from, out var to))
        {
            apply(w);
            Assert.Equal(to, w.Status);
        }
        else
        {
            var refused = Assert.Throws<WithdrawalTransitionException>(() => apply(w));
            Assert.Equal((from, step), (refused.From, refused.Step));
            Assert.Equal((from, version), (w.Status, w.Version));
        }
    }

    [Fact]
    public void Every_status_change_is_an_edge_of_the_transition_table()
    {
        foreach (var (_, (_, allowed)) in Steps)
        {
            foreach (var (from, to) in allowed.Where(e => e.Key != e.Value))
            {
                Assert.True(WithdrawalTransitions.IsAllowed(from, to), $"{from} → {to}");
            }
        }

        Assert.All([WithdrawalStatus.Completed, WithdrawalStatus.Failed, WithdrawalStatus.Rejected, WithdrawalStatus.Cancelled], s => Assert.True(WithdrawalTransitions.IsFinal(s)));
    }

    [Fact]
    public void A_held_request_with_a_review_reason_waits_for_an_admin()
    {
        var w = New();
        w.ReviewReason = "above auto threshold 100.00 USDT";

        w.Held(Now);

        Assert.Equal(WithdrawalStatus.InReview, w.Status);
    }

    [Fact]
    public void Signing_keeps_the_bytes_and_counts_the_attempt_and_expiry_forgets_them()
    {
        var w = At(WithdrawalStatus.WaitingForFunds);

        w.MarkSigned("0a02beef", "txid", 1_700_000_060_000, Now);
        var signed = (w.SignedHex, w.TxId, w.ExpirationMs, w.Attempts, w.FailureReason);
        w.Expire("expired unconfirmed", Now);

        Assert.Equal(("0a02beef", "txid", 1_700_000_060_000L, 1), (signed.SignedHex!, signed.TxId!, signed.ExpirationMs!.Value, signed.Attempts));
        Assert.Null(signed.FailureReason);
        Assert.Equal((WithdrawalStatus.Approved, 1, "expired unconfirmed"), (w.Status, w.Attempts, w.FailureReason!));
        Assert.Null(w.SignedHex ?? w.TxId ?? w.ExpirationMs?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Only_the_first_broadcast_and_the_first_block_count_as_a_change()
    {
        var w = At(WithdrawalStatus.Stored);

        var first = w.MarkBroadcast(Now);
        var again = w.MarkBroadcast(Now);
        w.MarkInBlock(7, 345, 130_285, Now);
        var version = w.Version;
        w.MarkInBlock(8, 400, 130_000, Now);

        Assert.Equal((true, false), (first, again));
        Assert.Equal(version, w.Version); // the block moved (a reorg), the status did not
        Assert.Equal((8L, 400L, 130_000L), (w.BlockNumber!.Value, w.ChainFeeSun!.Value, w.EnergyUsed!.Value));
    }

    [Fact]
    public void Waiting_again_for_the_same_reason_changes_nothing()
    {
        var w = At(WithdrawalStatus.Approved);

        var first = w.WaitForFunds("no USDT", Now);
        var version = w.Version;
        var same = w.WaitForFunds("no USDT", Now);
        var other = w.WaitForFunds("no TRX", Now);

        Assert.Equal((true, false, true), (first, same, other));
        Assert.Equal(version + 1, w.Version);
    }

    [Fact]
    public void Rejection_records_the_admin_and_at_most_400_characters_of_the_reason()
    {
        var w = At(WithdrawalStatus.InReview);

        w.Reject("admin-1", "  " + new string('x', 500) + "  ", Now);

        Assert.Equal(("admin-1", 400), (w.ReviewedBy, w.RejectReason!.Length));
    }

    [Fact]
    public void Freezing_adds_its_reason_once_before_earlier_ones()
    {
        var w = New();
        w.ReviewReason = "fraud flag";

        w.Freeze("account banned", Now);
        w.Freeze("account banned", Now);

        Assert.Equal("account banned, fraud flag", w.ReviewReason);
    }

    [Fact]
    public void Final_outcomes_stamp_completion_and_say_why_a_payout_failed()
    {
        var paid = At(WithdrawalStatus.InBlock);
        var failed = At(WithdrawalStatus.InBlock);

        paid.Confirm(Now);
        failed.Fail("Failed on chain: REVERT", Now);

        Assert.Equal((WithdrawalStatus.Completed, Now), (paid.Status, paid.CompletedAt!.Value));
        Assert.Null(paid.FailureReason);
        Assert.Equal((WithdrawalStatus.Failed, Now, "Failed on chain: REVERT"), (failed.Status, failed.CompletedAt!.Value, failed.FailureReason!));
    }

    [Fact]
    public void An_ethereum_replacement_keeps_the_nonce_and_remembers_the_hash_it_replaced()
    {
        var w = New();
        w.Held(Now);
        w.MarkSigned("0x02aa", "0xfirst", null, Now, nonce: 7);
        w.MarkBroadcast(Now);

        w.Replace("0x02bb", "0xsecond", "dropped", Now);
        w.Replace("0x02cc", "0xthird", "dropped again", Now);

        Assert.Equal((WithdrawalStatus.Stored, "0xthird", 7L, "0xfirst,0xsecond", 3), (w.Status, w.TxId, w.Nonce!.Value, w.ReplacedTxIds, w.Attempts));
        w.FoundMined("0xfirst");
        Assert.Equal("0xfirst", w.TxId);
    }

    private static Dictionary<WithdrawalStatus, WithdrawalStatus> Signed(Func<WithdrawalStatus, WithdrawalStatus> to) =>
        new[] { WithdrawalStatus.Stored, WithdrawalStatus.Broadcast, WithdrawalStatus.InBlock }.ToDictionary(s => s, to);

    private static Withdrawal New() => new()
    {
        Id = 1, UserId = "seller", Amount = 10_000_000, PlatformFee = 500_000, NetworkFee = 1_000_000, Net = 8_500_000, ToAddress = "TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC",
    };

    /// <summary>A withdrawal brought to <paramref name="status"/> by the steps themselves.</summary>
    private static Withdrawal At(WithdrawalStatus status)
    {
        var w = New();
        switch (status)
        {
            case WithdrawalStatus.Holding:
                break;
            case WithdrawalStatus.InReview or WithdrawalStatus.Rejecting or WithdrawalStatus.Rejected:
                w.ReviewReason = "above auto threshold";
                w.Held(Now);
                if (status != WithdrawalStatus.InReview)
                {
                    w.Reject("admin", "why", Now);
                }

                if (status == WithdrawalStatus.Rejected)
                {
                    w.MarkRejected(Now);
                }

                break;
            case WithdrawalStatus.Cancelled:
                w.Cancel(Now);
                break;
            default:
                w.Held(Now);
                Walk(w, status);
                break;
        }

        Assert.Equal(status, w.Status);
        return w;
    }

    private static void Walk(Withdrawal w, WithdrawalStatus status)
    {
        if (status == WithdrawalStatus.Approved)
        {
            return;
        }

        if (status == WithdrawalStatus.WaitingForFunds)
        {
            w.WaitForFunds("no TRX", Now);
            return;
        }

        w.MarkSigned("0a01", "tx1", 1_000, Now);
        if (status >= WithdrawalStatus.Broadcast)
        {
            w.MarkBroadcast(Now);
        }

        if (status >= WithdrawalStatus.InBlock)
        {
            w.MarkInBlock(5, 345, 130_285, Now);
        }

        if (status == WithdrawalStatus.Completed)
        {
            w.Confirm(Now);
        }
        else if (status == WithdrawalStatus.Failed)
        {
            w.Fail("REVERT", Now);
        }
    }
}
