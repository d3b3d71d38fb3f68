using System.Security.Cryptography;
using Meterchat.Chats.Relay;
using Meterchat.Chats.Store;
using Meterchat.Ledger;

namespace Meterchat.Chats.Receipts;

/// <summary>
/// Checks a receipt file without trusting the server (docs/receipts.md): the signature over the receipt, the event
/// log's hash chain up to the signed head, and the bill recomputed by replaying the events through the same pure
/// state machine and unit arithmetic the meter uses (PRODUCT.md §5), never the stored totals. Pure: no I/O.
/// </summary>
public static class ReceiptVerifier
{
    /// <summary>
    /// Verifies <paramref name="file"/>. With <paramref name="trusted"/> (the published key) the signature must be that
    /// key's; without, the key embedded in the file is used and the result says so.
    /// </summary>
    public static ReceiptVerification Verify(ReceiptFile file, ReceiptPublicKey? trusted = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var checks = new List<ReceiptCheck>();
        var key = CheckKey(file, trusted, checks);
        if (key is null)
        {
            return new ReceiptVerification(checks);
        }

        var body = file.Receipt;
        var signed = ReceiptKey.Verify(key, body.Canonical(), file.Signature);
        checks.Add(new ReceiptCheck("signature", signed, signed
            ? $"The receipt of session {body.SessionId} is signed by key {key.KeyId}."
            : $"The signature does not verify with key {key.KeyId}: the receipt was changed after it was signed, or another key signed it."));
        if (!signed)
        {
            return new ReceiptVerification(checks);
        }

        if (file.Events is null)
        {
            checks.Add(new ReceiptCheck("log", true,
                $"The event log was purged after the retention period; the signature covers the bill and the chain head {body.ChainHead} of {body.EventCount} events only."));
            return new ReceiptVerification(checks);
        }

        if (CheckChain(file.Events, body, checks))
        {
            CheckBill(file.Events, body, checks);
        }

        return new ReceiptVerification(checks);
    }

    private static ReceiptPublicKey? CheckKey(ReceiptFile file, ReceiptPublicKey? trusted, List<ReceiptCheck> checks)
    {
        if (trusted is not null)
        {
            var same = file.KeyId == trusted.KeyId;
            checks.Add(new ReceiptCheck("key", same, same
                ? $"The receipt names the given key {trusted.KeyId}."
                : $"The receipt was signed with key {file.KeyId}, not with the given key {trusted.KeyId}."));
            return same ? trusted : null;
        }

        string? keyId = null;
        try
        {
            keyId = Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(file.PublicKey.PublicKey)))[..16];
        }
        catch (FormatException)
        {
        }

        var consistent = keyId is not null && keyId == file.KeyId && keyId == file.PublicKey.KeyId;
        checks.Add(new ReceiptCheck("key", consistent, consistent
            ? $"Key {keyId} taken from the file itself: compare it with /.well-known/meterchat-receipts.json (or pass --key)."
            : "The public key in the file does not match the key id it names."));
        return consistent ? file.PublicKey : null;
    }

    private static bool CheckChain(IReadOnlyList<ReceiptFileEvent> events, ReceiptBody body, List<ReceiptCheck> checks)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Seq != i)
            {
                return Fail(checks, "chain", $"The event at position {i} is numbered {events[i].Seq}: the log is out of order.");
            }

            var previous = i == 0 ? EventChain.Genesis : events[i - 1].Hash;
            if (Hash(previous, events[i].Event) == events[i].Hash)
            {
                continue;
            }

            // An event that chains after another event of this same log is authentic but out of place.
            var hashes = events.Select(e => e.Hash).ToList();
            var moved = hashes.Prepend(EventChain.Genesis).Any(p => Hash(p, events[i].Event) is { } h && hashes.Contains(h));
            return Fail(checks, "chain", moved
                ? $"Event {i} ({TypeOf(events[i].Event)}) is an event of this log out of its place: the log was reordered."
                : $"Event {i} ({TypeOf(events[i].Event)}) was changed: it does not match its chain hash.");
        }

        var head = events.Count == 0 ? EventChain.Genesis : events[^1].Hash;
        if (events.Count < body.EventCount)
        {
            return Fail(checks, "chain", $"The log is truncated: it holds {events.Count} of the {body.EventCount} events the receipt signs.");
        }

        if (events.Count > body.EventCount)
        {
            return Fail(checks, "chain", $"The log holds {events.Count - body.EventCount} event(s) more than the {body.EventCount} the receipt signs.");
        }

        if (head != body.ChainHead)
        {
            return Fail(checks, "chain", $"The log ends at chain hash {head}, not at the signed head {body.ChainHead}: its events were rewritten.");
        }

        checks.Add(new ReceiptCheck("chain", true, $"All {events.Count} events chain to the signed head {body.ChainHead}."));
        return true;
    }

    private static void CheckBill(IReadOnlyList<ReceiptFileEvent> events, ReceiptBody body, List<ReceiptCheck> checks)
    {
        ChatSession session;
        try
        {
            IMediaEvidence media = body.Evidence == nameof(EvidenceSource.Relay) ? new RelayMediaEvidence() : new ClientReportedEvidence();
            session = ChatSession.Replay(events.Select(e => ChatJson.Deserialize(e.Event)), new Meter(new MeterOptions()), media);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.Text.Json.JsonException or NotSupportedException)
        {
            Fail(checks, "bill", $"The events do not replay under the published rules: {e.Message}");
            return;
        }

        var end = session.EndedAt ?? session.LastEventAt;
        var totals = session.Terms.Split.Times(session.UnitsCharged);
        var refund = session.RequiresAutoRefund ? totals.Price : Micros.Zero;
        var differences = new List<string>();
        void Compare<T>(string what, T signed, T recomputed)
        {
            if (!EqualityComparer<T>.Default.Equals(signed, recomputed))
            {
                differences.Add($"{what}: the receipt says {signed?.ToString() ?? "none"}, the events give {recomputed?.ToString() ?? "none"}");
            }
        }

        Compare("state", body.State, session.State.ToString());
        Compare("end reason", body.EndReason, session.EndReason?.ToString());
        Compare("rate (tokens/min)", body.RateTokensPerMinute, session.Terms.Rate.TokensPerMinute);
        Compare("commission (basis points)", body.CommissionBasisPoints, session.Terms.CommissionBasisPoints);
        Compare("spending limit (µUSDT)", body.SpendingLimitMicros, session.Terms.SpendingLimit?.Value);
        Compare("live time (ms)", body.LiveMilliseconds, (long)session.LiveTime(end).TotalMilliseconds);
        Compare("units", body.Units, session.UnitsCharged);
        Compare("charged (µUSDT)", body.ChargedMicros, totals.Price.Value);
        Compare("commission (µUSDT)", body.CommissionMicros, totals.Platform.Value);
        Compare("seller share (µUSDT)", body.SellerShareMicros, totals.Seller.Value);
        Compare("refund (µUSDT)", body.RefundMicros, refund.Value);

        // Every unit due by the rounding rule must be charged, unless billing stopped on money or the session is refunded.
        var due = session.UnitsDue(end);
        if (session.IsOver && !session.BillingStopped && !session.QualifiesForAutoRefund && due != session.UnitsCharged)
        {
            differences.Add($"units: {session.LiveTime(end).TotalSeconds:0.###} s of live time bill {due} units (round-half-up of live time / unit), the events charge {session.UnitsCharged}");
        }

        checks.Add(differences.Count == 0
            ? new ReceiptCheck("bill", true,
                $"Recomputed from the events: {session.UnitsCharged} units at {session.Terms.Rate.TokensPerMinute} tokens/min = {totals.Price.ToTokensString()} tokens "
                + $"({totals.Platform.ToTokensString()} to the platform, {totals.Seller.ToTokensString()} to the seller), refund {refund.ToTokensString()}: the same as the receipt.")
            : new ReceiptCheck("bill", false, "The bill recomputed from the events differs: " + string.Join("; ", differences) + "."));
    }

    private static bool Fail(List<ReceiptCheck> checks, string name, string detail)
    {
        checks.Add(new ReceiptCheck(name, false, detail));
        return false;
    }

    private static string? Hash(string? previous, string json)
    {
        try
        {
            return previous is null ? null : EventChain.Next(previous, json);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string TypeOf(string json)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            return doc.RootElement.TryGetProperty("type", out var type) ? type.GetString() ?? "?" : "?";
        }
        catch (System.Text.Json.JsonException)
        {
            return "not JSON";
        }
    }
}
