using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Chats;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Reserves;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;

namespace Meterchat.IntegrationTests.Hosting;

/// <summary>
/// The README's operator commands, each as written, run by the built app as a child process in the environment
/// <c>dotnet run</c> gives it (ASPNETCORE_ENVIRONMENT=Development from the launch profile), from the app's own folder.
/// </summary>
public sealed class OperatorCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Audit_runs_in_the_launch_profiles_environment_on_its_sqlite_database()
    {
        var file = Path.Combine(Path.GetTempPath(), $"meterchat-audit-{Guid.NewGuid():N}.db");
        try
        {
            // Only the connection string is given: the provider comes from the environment's appsettings
            // (Development: SQLite; Production would be PostgreSQL and fail on this string).
            var run = await RunAsync(["audit"], new() { ["Database__ConnectionString"] = $"Data Source={file}" });

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("Audit passed.", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Npgsql", run.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Admin_create_prints_a_password_once_that_signs_in_as_an_admin()
    {
        var db = TestDatabase.Create();
        var email = AccountsApi.NewEmail("operator");
        Dictionary<string, string> store = new() { ["Database__Provider"] = db.Provider, ["Database__ConnectionString"] = db.ConnectionString };

        var created = await RunAsync(["admin", "create", "--email", email], store);
        var again = await RunAsync(["admin", "create", "--email", email], store);

        Assert.True(created.ExitCode == 0, created.ToString());
        var password = System.Text.RegularExpressions.Regex.Match(created.Output, @"password:\s+(\S+)").Groups[1].Value;
        Assert.NotEmpty(password);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("exists already", again.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(password, again.ToString(), StringComparison.Ordinal);

        await using var app = await AppProcess.StartAsync(db);
        using var http = new HttpClient { BaseAddress = app.Address };
        var tokens = await http.LoginForTokensAsync(email, password);
        http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task Tron_verbs_answer_as_the_readme_says()
    {
        using var key = TronKey.Generate();
        const string xpub = "xpub6ChVWbXxgtp7PfXntivshZfwQophZWmVQwKJz1wY2MSKn5nm71wvUAj3vGCPHHWTLCreiQzcxgWGJqhAvwNpNUB992qY7a6CpZBnkYvVmyb";
        var json = Path.Combine(Path.GetTempPath(), $"meterchat-tx-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(json, TransactionJson(key));
        try
        {
            var address = await RunAsync(["tron", "address", "--private-key", key.ExportHex()]);
            var valid = await RunAsync(["tron", "validate", key.Address.ToBase58()]);
            var invalid = await RunAsync(["tron", "validate", "TNotAnAddress"]);
            var derived = await RunAsync(["tron", "derive", "--xpub", xpub, "--index", "7"]);
            var inspect = await RunAsync(["tron", "inspect", "--file", json]);

            Assert.True(address.ExitCode == 0, address.ToString());
            Assert.Contains(key.Address.ToBase58(), address.Output, StringComparison.Ordinal);
            Assert.Contains(key.Address.ToHex(), address.Output, StringComparison.OrdinalIgnoreCase);
            Assert.True(valid.ExitCode == 0, valid.ToString());
            Assert.Contains("valid", valid.Output, StringComparison.Ordinal);
            Assert.Equal(1, invalid.ExitCode);
            Assert.True(derived.ExitCode == 0, derived.ToString());
            Assert.Contains(DepositKeys.DeriveAddress(xpub, 7).ToBase58(), derived.Output, StringComparison.Ordinal);
            Assert.True(inspect.ExitCode == 0, inspect.ToString());
            Assert.EndsWith("OK", inspect.Output.TrimEnd(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(json);
        }
    }

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
            var pass = await RunAsync(["verify-liabilities", "--proof", good, "--root", tree.RootHex]);
            var otherRoot = await RunAsync(["verify-liabilities", "--proof", good, "--root", new string('a', 64)]);
            var changed = await RunAsync(["verify-liabilities", "--proof", tampered, "--root", tree.RootHex]);
            var notJson = await RunAsync(["verify-liabilities", "--proof", garbage, "--root", tree.RootHex]);
            var missing = await RunAsync(["verify-liabilities", "--proof", good + ".missing", "--root", "zz"]);

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
    public async Task Devchain_send_usdt_pays_through_the_apps_own_dev_chain()
    {
        var db = TestDatabase.Create();
        await using var app = await AppProcess.StartAsync(db);
        var node = new Uri(app.Address, "/devchain").ToString();
        using var from = TronKey.Generate();
        var to = TronKey.Generate().Address.ToBase58();
        var trx = await RunAsync(["devchain", "faucet", "--node", node, "--to", from.Address.ToBase58(), "--amount", "100", "--token", "Trx"]);
        var usdt = await RunAsync(["devchain", "faucet", "--node", node, "--to", from.Address.ToBase58(), "--amount", "20"]);
        Assert.True(trx.ExitCode == 0 && usdt.ExitCode == 0, trx + "\n" + usdt);
        await InBlockAsync(node, TxId(trx.Output));
        await InBlockAsync(node, TxId(usdt.Output));

        var send = await RunAsync(["devchain", "send-usdt", "--node", node, "--from-key", from.ExportHex(), "--to", to, "--amount", "10.5"]);

        Assert.True(send.ExitCode == 0, send.ToString());
        await InBlockAsync(node, TxId(send.Output));
    }

    [Fact]
    public async Task Production_without_settings_lists_them_and_exits_without_a_stack_trace()
    {
        var run = await RunAsync([], new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        Assert.NotEqual(0, run.ExitCode);
        foreach (var key in new[] { "Database:ConnectionString", "Redis:Connection", "Chat:TurnSecret", "Chain:ApiKey", "Withdrawals:HotWalletKeyFile", "Deposits:AccountXpub", "Mail:SmtpHost" })
        {
            Assert.Contains(key, run.Error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", run.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.ToString(), StringComparison.Ordinal);
    }

    private static string TxId(string output) => System.Text.RegularExpressions.Regex.Match(output, "[0-9a-f]{64}").Value;

    /// <summary>Polls the node until the transaction is in a block (the app's dev chain makes one every 3 s).</summary>
    private static async Task InBlockAsync(string node, string txId)
    {
        Assert.Equal(64, txId.Length);
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var reply = await http.PostAsync(new Uri($"{node}/wallet/gettransactioninfobyid"), new StringContent($"{{\"value\":\"{txId}\"}}"));
            using var json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
            if (json.RootElement.TryGetProperty("blockNumber", out _))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Transaction {txId} did not land in a block.");
    }

    private static string TransactionJson(TronKey key)
    {
        var raw = TransactionRaw.Create(new Tapos(new byte[2], new byte[8]), 1_800_000_000_000, 1_799_999_940_000, 0,
            new TransferContract(key.Address, TronKey.Generate().Address, 1_000_000));
        var signed = SignedTransaction.Sign(raw, key);
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["txID"] = signed.TxIdHex,
            ["raw_data_hex"] = Hex.ToHex(signed.RawBytes),
            ["signature"] = signed.Signatures.Select(s => Hex.ToHex(s)).ToArray(),
        });
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

            var verified = await RunAsync(["verify-receipt", "--file", good, "--key", keys]);
            var tampered = await RunAsync(["verify-receipt", "--file", flipped, "--key", keys]);
            var wrongKey = await RunAsync(["verify-receipt", "--file", good, "--key", otherKeys]);
            var missing = await RunAsync(["verify-receipt", "--file", Path.Combine(dir.FullName, "none.json")]);

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

    private static async Task<Run> RunAsync(string[] args, Dictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(AppProcess.Dll)!,
        };
        info.ArgumentList.Add(AppProcess.Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // What `dotnet run` sets from Properties/launchSettings.json, and nothing of the test run's own environment.
        foreach (var name in new[] { "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT", "Database__Provider", "Database__ConnectionString" })
        {
            info.Environment.Remove(name);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? [])
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(true);
            throw;
        }

        return new Run(process.ExitCode, await output, await error);
    }

    private sealed record Run(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }
}
