using Meterchat.Chats;
using Meterchat.Chats.Receipts;
using Meterchat.Chats.Store;

namespace Meterchat.Tests.Chats.Receipts;

public class ReceiptVerifierTests
{
    [Theory]
    [MemberData(nameof(BillingCases.Names), MemberType = typeof(BillingCases))]
    public void The_bill_recomputed_from_the_signed_events_equals_the_meters(string billingCase)
    {
        var s = BillingCases.Run(billingCase);
        var meter = Receipt.Of(s.Session, s.Session.EndedAt ?? s.Now);

        var file = ReceiptFixture.RoundTrip(ReceiptFixture.Sign(s));
        var result = ReceiptVerifier.Verify(file, ReceiptFixture.Key.Public);

        Assert.True(result.Passed, result.Failure);
        Assert.Contains(result.Checks, c => c.Name == "bill" && c.Passed);
        Assert.Equal(
            (meter.Units, meter.Charged.Value, meter.Commission.Value, meter.SellerShare.Value, meter.Refund.Value),
            (file.Receipt.Units, file.Receipt.ChargedMicros, file.Receipt.CommissionMicros, file.Receipt.SellerShareMicros, file.Receipt.RefundMicros));
    }

    [Fact]
    public void The_seed_session_verifies_with_the_key_embedded_in_the_file_and_says_where_the_key_came_from()
    {
        var file = ReceiptFixture.RoundTrip(ReceiptFixture.Sign(BillingCases.Run("seed: 30 min at 20 tokens/min")));

        var result = ReceiptVerifier.Verify(file);

        Assert.True(result.Passed, result.Failure);
        Assert.Contains("taken from the file", result.Checks[0].Detail, StringComparison.Ordinal);
        Assert.Contains("300 units at 20 tokens/min = 600 tokens (150 to the platform, 450 to the seller)", result.Checks[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flipped_event_fails_as_changed()
    {
        var file = ReceiptFixture.Sign(Scenario.Live().Run(30));
        var events = file.Events!.ToList();
        var i = events.FindIndex(e => e.Event.Contains("\"unit-charged\"", StringComparison.Ordinal));
        events[i] = events[i] with { Event = events[i].Event.Replace("\"unit\":1", "\"unit\":2", StringComparison.Ordinal) };

        var result = ReceiptVerifier.Verify(file with { Events = events }, ReceiptFixture.Key.Public);

        Assert.False(result.Passed);
        Assert.Equal($"Event {i} (unit-charged) was changed: it does not match its chain hash.", result.Failure);
    }

    [Fact]
    public void A_changed_event_with_every_hash_recomputed_fails_at_the_signed_head()
    {
        var file = ReceiptFixture.Sign(Scenario.Live().Run(30));
        var events = file.Events!.Select(e => e.Event.Replace("\"unit\":1", "\"unit\":2", StringComparison.Ordinal)).ToList();
        var head = EventChain.Genesis;
        var rehashed = events.Select((json, seq) => new ReceiptFileEvent(seq, json, head = EventChain.Next(head, json))).ToList();

        var result = ReceiptVerifier.Verify(file with { Events = rehashed }, ReceiptFixture.Key.Public);

        Assert.False(result.Passed);
        Assert.StartsWith("The log ends at chain hash", result.Failure, StringComparison.Ordinal);
        Assert.EndsWith("its events were rewritten.", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reordered_event_fails_as_reordered()
    {
        var file = ReceiptFixture.Sign(Scenario.Live().Run(30));
        var events = file.Events!.ToList();
        (events[3], events[4]) = (events[4] with { Seq = 3 }, events[3] with { Seq = 4 });

        var result = ReceiptVerifier.Verify(file with { Events = events }, ReceiptFixture.Key.Public);

        Assert.False(result.Passed);
        Assert.EndsWith("is an event of this log out of its place: the log was reordered.", result.Failure, StringComparison.Ordinal);
        Assert.StartsWith("Event 3 ", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reordered_log_with_its_numbers_kept_fails_as_out_of_order()
    {
        var file = ReceiptFixture.Sign(Scenario.Live().Run(30));
        var events = file.Events!.ToList();
        (events[3], events[4]) = (events[4], events[3]);

        var result = ReceiptVerifier.Verify(file with { Events = events }, ReceiptFixture.Key.Public);

        Assert.Equal("The event at position 3 is numbered 4: the log is out of order.", result.Failure);
    }

    [Fact]
    public void A_truncated_log_fails_as_truncated()
    {
        var file = ReceiptFixture.Sign(Scenario.Live().Run(30));
        var signed = file.Events!.Count;

        var result = ReceiptVerifier.Verify(file with { Events = [.. file.Events!.Take(signed - 2)] }, ReceiptFixture.Key.Public);

        Assert.Equal($"The log is truncated: it holds {signed - 2} of the {signed} events the receipt signs.", result.Failure);
    }

    [Fact]
    public void A_receipt_checked_against_another_key_fails_as_the_wrong_key()
    {
        using var other = ReceiptKey.Generate();
        var file = ReceiptFixture.Sign(Scenario.Live().Run(30));

        var result = ReceiptVerifier.Verify(file, other.Public);

        Assert.Equal($"The receipt was signed with key {ReceiptFixture.Key.Public.KeyId}, not with the given key {other.Public.KeyId}.", result.Failure);
    }

    [Fact]
    public void A_receipt_re_signed_by_someone_else_fails_against_the_platform_key()
    {
        using var forger = ReceiptKey.Generate();
        var forged = ReceiptFixture.Sign(Scenario.Live().Run(30), forger);

        Assert.False(ReceiptVerifier.Verify(forged, ReceiptFixture.Key.Public).Passed);
        Assert.True(ReceiptVerifier.Verify(forged).Passed); // self-consistent: only the published key tells them apart
    }

    [Fact]
    public void A_changed_total_fails_the_signature()
    {
        var file = ReceiptFixture.Sign(Scenario.Live().Run(30));

        var result = ReceiptVerifier.Verify(file with { Receipt = file.Receipt with { Units = 4 } }, ReceiptFixture.Key.Public);

        Assert.Equal(
            $"The signature does not verify with key {ReceiptFixture.Key.Public.KeyId}: the receipt was changed after it was signed, or another key signed it.",
            result.Failure);
    }

    [Fact]
    public void A_server_that_signed_a_wrong_bill_is_caught_with_the_difference_spelled_out()
    {
        var s = Scenario.Live().Run(30);
        s.Must(new PartyLeft(s.Now, Party.Buyer)).Charge();
        var honest = ReceiptFixture.Sign(s);
        var body = honest.Receipt with { Units = 6, ChargedMicros = 120_000 };
        var dishonest = honest with { Receipt = body, Signature = ReceiptFixture.Key.Sign(body.Canonical()) };

        var result = ReceiptVerifier.Verify(dishonest, ReceiptFixture.Key.Public);

        Assert.Equal(
            "The bill recomputed from the events differs: units: the receipt says 6, the events give 5; charged (µUSDT): the receipt says 120000, the events give 100000.",
            result.Failure);
    }

    [Fact]
    public void A_purged_receipt_still_verifies_its_signature()
    {
        var file = ReceiptFixture.Sign(Scenario.Live().Run(30)) with { Events = null };

        var result = ReceiptVerifier.Verify(ReceiptFixture.RoundTrip(file), ReceiptFixture.Key.Public);

        Assert.True(result.Passed, result.Failure);
        Assert.Contains("purged", result.Checks[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_head_is_the_hash_of_each_event_after_the_previous()
    {
        var a = ChatJson.Serialize(new ChatAccepted(Scenario.Start));

        Assert.Equal(64, EventChain.Genesis.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([.. new byte[32], .. System.Text.Encoding.UTF8.GetBytes(a)])), EventChain.Head([a]));
        Assert.NotEqual(EventChain.Head([a, a]), EventChain.Head([a]));
    }
}
