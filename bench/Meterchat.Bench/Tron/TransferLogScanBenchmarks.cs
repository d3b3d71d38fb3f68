using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;

namespace Meterchat.Bench.Tron;

/// <summary>
/// The deposit watcher's inner loop for one block: 1,000 transaction receipts with their logs
/// (node form: emitter as 40 hex digits, topics and data as hex), keep USDT Transfer logs whose
/// recipient is one of 100,000 deposit addresses. Mix per receipt: 60% USDT transfers (1 in 20
/// to a deposit address), 20% another token's transfer, 20% an Approval plus a Transfer.
/// </summary>
[MemoryDiagnoser]
public class TransferLogScanBenchmarks
{
    private const int Receipts = 1_000;
    private const int DepositAddresses = 100_000;
    private const string ApprovalTopic = "8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925";

    private readonly HashSet<TronAddress> _deposits = [];
    private readonly List<Log[]> _block = [];
    private TronAddress _usdt;
    private string _blockJson = "";

    public sealed record Log(string Address, string[] Topics, string Data);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        TronAddress RandomAddress()
        {
            var bytes = new byte[20];
            random.NextBytes(bytes);
            return TronAddress.FromLast20(bytes);
        }

        var deposits = new List<TronAddress>(DepositAddresses);
        for (var i = 0; i < DepositAddresses; i++)
        {
            var a = RandomAddress();
            deposits.Add(a);
            _deposits.Add(a);
        }

        _usdt = Trc20.MainnetUsdt;
        var otherToken = RandomAddress();
        string Word(TronAddress a) => new string('0', 24) + a.ToHex()[2..];
        string Amount(long v) => v.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
        Log Transfer(TronAddress token, TronAddress to) =>
            new(token.ToHex()[2..], [TransferLog.Topic0Hex, Word(RandomAddress()), Word(to)], Amount(random.NextInt64(1, 1_000_000_000)));

        for (var i = 0; i < Receipts; i++)
        {
            var kind = random.Next(100);
            _block.Add(kind switch
            {
                < 60 => [Transfer(_usdt, random.Next(20) == 0 ? deposits[random.Next(DepositAddresses)] : RandomAddress())],
                < 80 => [Transfer(otherToken, RandomAddress())],
                _ => [new Log(otherToken.ToHex()[2..], [ApprovalTopic, Word(RandomAddress()), Word(RandomAddress())], Amount(5)), Transfer(_usdt, RandomAddress())],
            });
        }

        // The same block as gettransactioninfobyblocknum returns it.
        var json = new StringBuilder("[");
        for (var i = 0; i < _block.Count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(JsonSerializer.Serialize(new
            {
                id = Convert.ToHexStringLower(BitConverter.GetBytes((long)i)).PadLeft(64, '0'),
                blockNumber = 70_000_000,
                receipt = new { result = "SUCCESS", energy_usage_total = 64_285 },
                log = _block[i].Select(l => new { address = l.Address, topics = l.Topics, data = l.Data }),
            }));
        }

        _blockJson = json.Append(']').ToString();
    }

    [Benchmark(Description = "Scan 1,000 receipts (decoded strings)")]
    public int Scan()
    {
        var found = 0;
        foreach (var logs in _block)
        {
            foreach (var log in logs)
            {
                if (TronAddress.FromLogAddress(log.Address) == _usdt
                    && TransferLog.TryDecode(log.Topics, log.Data, out var transfer)
                    && _deposits.Contains(transfer.To))
                {
                    found++;
                }
            }
        }

        return found;
    }

    [Benchmark(Description = "Scan 1,000 receipts from the node's JSON")]
    public int ScanJson()
    {
        var found = 0;
        using var doc = JsonDocument.Parse(_blockJson);
        foreach (var info in doc.RootElement.EnumerateArray())
        {
            if (!info.TryGetProperty("log", out var logs))
            {
                continue;
            }

            foreach (var log in logs.EnumerateArray())
            {
                if (TronAddress.FromLogAddress(log.GetProperty("address").GetString()!) != _usdt)
                {
                    continue;
                }

                var topics = log.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToArray();
                if (TransferLog.TryDecode(topics, log.GetProperty("data").GetString()!, out var transfer) && _deposits.Contains(transfer.To))
                {
                    found++;
                }
            }
        }

        return found;
    }
}
