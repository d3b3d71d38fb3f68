using System.Text.Json;
using Meterchat.Reserves;
using Meterchat.Tron.Crypto;

namespace Meterchat.IntegrationTests.Hosting;

/// <summary>The README's offline verifiers (liabilities proof, signed receipt), run as a user runs them (see <see cref="OperatorCommand"/>).</summary>
public sealed class VerifyCommandTests
{
    [Fact]
    public async Task Verify_liabilities_passes_a_sound_proof_and_names_what_fails_without_a_stack_trace()
    {
        using var hot = TronKey.Generate();
        var leaves = Enumerable.Range(0, 5).Select(i => new LiabilityLeaf($"user-{i}", LeafSalt.For(new byte[32], $"user-{i}"), i * 1_000_000L)).ToArray();
        var tree = MerkleSumTree.Build(leaves);
        var message = ReservesSnapshots.MessageFor(DateTimeOffset.UnixEpoch, 7, tree.Count, tree.Total, tree.Total, tree.RootHex, hot.Address.ToBase58());
        var file = new LiabilityProofFile(LiabilityProofFile.CurrentFormat, 1, DateTimeOffset.UnixEpoch, 7, tree.RootHex, tree.Total,
            hot.Address.ToBase58(), message, TronMessage.Sign(message, hot), 3_000_000, 0, 0, tree.Prove("user-3")!);
        var good = Path.Combine(Path.GetTempPath(), $"meterchat-proof-{Guid.NewGuid():N}.json");
        var tampered = Path.Combine(Path.GetTempPath(), $"meterchat-proof-{Guid.NewGuid():N}.json");
        var garbage = Path.Combine(Path.GetTempPath(), $"meterchat-proof-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(good, JsonSerializer.Serialize(file, JsonSerializerOptions.Web));
        await File.WriteAllTextAsync(tampered, JsonSerializer.Serialize(file with { Proof = file.Proof with { Balance = 4_000_000 } }, JsonSerializerOptions.Web));
        await File.WriteAllTextAsync(garbage, "{ not json");
        try
        {
            var pass = await OperatorCommand.RunAsync(["verify-liabilities", "--proof", good, "--root", tree.RootHex]);
            var otherRoot = await OperatorCommand.RunAsync(["verify-liabilities", "--proof", good, "--root", new string('a', 64)]);
            var changed = await OperatorCommand.RunAsync(["verify-liabilities", "--proof", tampered, "--root", tree.RootHex]);
            var notJson = await OperatorCommand.RunAsync(["verify-liabilities", "--proof", garbage, "--root", tree.RootHex]);
            var missing = await OperatorCommand.RunAsync(["verify-liabilities", "--proof", good + ".missing", "--root", "zz"]);

            Assert.True(pass.ExitCode == 0, pass.ToString());
            Assert.Contains("PASS  Account user-3 with 3.00 USDT is in the tree", pass.Output, StringComparison.Ordinal);
            Assert.Contains($"signed by the hot wallet {hot.Address.ToBase58()}", pass.Output, StringComparison.Ordinal);
            foreach (var failed in new[] { otherRoot, changed, notJson, missing })
            {
                Assert.True(failed.ExitCode == 1, failed.ToString());
                Assert.DoesNotContain("   at ", failed.ToString(), StringComparison.Ordinal);
            }

            Assert.Contains("not to the published root aaaa", otherRoot.Error, StringComparison.Ordinal);
            Assert.Contains("FAIL", changed.Error, StringComparison.Ordinal);
            Assert.Contains("is not a proof file", notJson.Error, StringComparison.Ordinal);
            Assert.Contains("No such file", missing.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(good);
            File.Delete(tampered);
            File.Delete(garbage);
        }
    }

    [Fact]
    public async Task Verify_receipt_passes_a_signed_receipt_and_names_what_was_tampered_with()
    {
        using var key = Meterchat.Chats.Receipts.ReceiptKey.Generate();
        var file = SignedReceipt(key);
        var events = file.Events!.ToList();
        events[7] = events[7] with { Event = events[7].Event.Replace("\"unit\":2", "\"unit\":3", StringComparison.Ordinal) };
        using var other = Meterchat.Chats.Receipts.ReceiptKey.Generate();
        var dir = Directory.CreateTempSubdirectory("meterchat-receipt-");
        try
        {
            var good = Path.Combine(dir.FullName, "r.json");
            var flipped = Path.Combine(dir.FullName, "flipped.json");
            var keys = Path.Combine(dir.FullName, "keys.json");
            var otherKeys = Path.Combine(dir.FullName, "other.json");
            await File.WriteAllTextAsync(good, file.ToJson());
            await File.WriteAllTextAsync(flipped, (file with { Events = events }).ToJson());
            await File.WriteAllTextAsync(keys, JsonSerializer.Serialize(new { keys = new[] { key.Public } }, Meterchat.Chats.Receipts.ReceiptFile.Json));
            await File.WriteAllTextAsync(otherKeys, JsonSerializer.Serialize(new { keys = new[] { other.Public } }, Meterchat.Chats.Receipts.ReceiptFile.Json));

            var verified = await OperatorCommand.RunAsync(["verify-receipt", "--file", good, "--key", keys]);
            var tampered = await OperatorCommand.RunAsync(["verify-receipt", "--file", flipped, "--key", keys]);
            var wrongKey = await OperatorCommand.RunAsync(["verify-receipt", "--file", good, "--key", otherKeys]);
            var missing = await OperatorCommand.RunAsync(["verify-receipt", "--file", Path.Combine(dir.FullName, "none.json")]);

            Assert.True(verified.ExitCode == 0, verified.ToString());
            Assert.Contains("PASS  bill: Recomputed from the events: 5 units at 20 tokens/min = 10 tokens", verified.Output, StringComparison.Ordinal);
            Assert.Contains("Receipt verified.", verified.Output, StringComparison.Ordinal);
            Assert.Equal(1, tampered.ExitCode);
            Assert.Contains("FAIL  chain: Event 7 (unit-charged) was changed", tampered.Output, StringComparison.Ordinal);
            Assert.Equal(1, wrongKey.ExitCode);
            Assert.Contains($"not with the given key {other.Public.KeyId}", wrongKey.Output, StringComparison.Ordinal);
            Assert.Equal(1, missing.ExitCode);
            Assert.Contains("No such file", missing.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", tampered + wrongKey.ToString() + missing, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>A session as the meter logs it: 30 s live at 20 tokens/min, five units, then the buyer leaves.</summary>
    private static Meterchat.Chats.Receipts.ReceiptFile SignedReceipt(Meterchat.Chats.Receipts.ReceiptKey key)
    {
        var t0 = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        var log = new List<Meterchat.Chats.ChatEvent>
        {
            new Meterchat.Chats.ChatRequested(t0, new Meterchat.Chats.ChatTerms(new Meterchat.Ledger.TokenRate(20), 2500).FrozenFrom(new Meterchat.Chats.MeterOptions())),
            new Meterchat.Chats.ChatAccepted(t0),
            new Meterchat.Chats.PartyConnected(t0, Meterchat.Chats.Party.Buyer),
            new Meterchat.Chats.PartyConnected(t0, Meterchat.Chats.Party.Seller),
            new Meterchat.Chats.MediaReported(t0, Meterchat.Chats.Party.Buyer, true, true),
            new Meterchat.Chats.MediaReported(t0, Meterchat.Chats.Party.Seller, true, true),
        };
        log.AddRange(Enumerable.Range(1, 5).Select(k => (Meterchat.Chats.ChatEvent)new Meterchat.Chats.UnitCharged(t0.AddSeconds((6 * k) - 3), k)));
        log.Add(new Meterchat.Chats.PartyLeft(t0.AddSeconds(30), Meterchat.Chats.Party.Buyer));
        var stored = log.Select(Meterchat.Chats.Store.ChatJson.Serialize).ToList();
        return Meterchat.Chats.Receipts.SignedReceipts.Build(Guid.CreateVersion7(t0), "buyer", "seller", null, stored, key,
            new Meterchat.Chats.Meter(new Meterchat.Chats.MeterOptions()), new Meterchat.Chats.ClientReportedEvidence());
    }
}
