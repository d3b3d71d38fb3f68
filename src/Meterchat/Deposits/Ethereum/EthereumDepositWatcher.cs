using System.Numerics;
using Meterchat.Cluster;
using Meterchat.Data;
using Meterchat.Ethereum;
using Meterchat.Ethereum.Development;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace Meterchat.Deposits.Ethereum;

/// <summary>
/// Follows the final part of the chain (<see cref="EthereumNode.FinalBlockNumberAsync"/>) from a durable cursor
/// (ChainCursors "ethereum-deposits"): per range of blocks one <c>eth_getLogs</c> for the accepted tokens' Transfer
/// logs, plus each block's plain ETH transfers to deposit addresses; records them final and credits them without a
/// paste. Only final blocks are read, so a log a reorganisation removed is never credited (a claim may record it
/// unfinal; it stays so). Idle while Ethereum is off. Tests call <see cref="ProcessAvailableBlocksAsync"/> directly.
/// </summary>
public sealed class EthereumDepositWatcher(
    IServiceScopeFactory scopes,
    EthereumNode node,
    EthereumDepositAddressMap map,
    EthereumDepositKeySource keys,
    IOptionsMonitor<EthereumOptions> options,
    IOptions<DepositOptions> deposits,
    TimeProvider time,
    WorkerGate workers,
    ILogger<EthereumDepositWatcher> logger) : BackgroundService
{
    public const string WorkerName = "ethereum-deposit-watcher";

    /// <summary>Blocks per eth_getLogs call and per database transaction.</summary>
    public const int BlocksPerRange = 50;

    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var wait = deposits.Value.PollInterval;
        // Development's own node takes a while to install and start: until it is ready there is nothing to ask.
        DevEthereumStatus? dev;
        using (var scope = scopes.CreateScope())
        {
            dev = scope.ServiceProvider.GetService<DevEthereumStatus>();
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                if (!options.CurrentValue.Enabled || keys.Keys is null || dev is { State: not DevEthereumState.Ready }
                    || !await workers.MayRunAsync(WorkerName, stoppingToken))
                {
                    wait = deposits.Value.PollInterval;
                    continue;
                }

                var scanned = await ProcessAvailableBlocksAsync(stoppingToken);
                failures = 0;
                wait = scanned >= deposits.Value.MaxBlocksPerPass ? TimeSpan.Zero : deposits.Value.PollInterval;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                failures++;
                wait = TimeSpan.FromSeconds(Math.Min(deposits.Value.PollInterval.TotalSeconds * Math.Pow(2, Math.Min(failures, 10)), deposits.Value.MaxBackoff.TotalSeconds));
                logger.LogWarning(e, "Ethereum deposit watcher pass failed ({Failures} in a row); retrying in {Wait}", failures, wait);
            }
        }
    }

    /// <summary>Scans the final blocks after the cursor (at most MaxBlocksPerPass), records and credits what pays deposit addresses. Returns the blocks scanned.</summary>
    public async Task<int> ProcessAvailableBlocksAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var book = scope.ServiceProvider.GetRequiredService<EthereumDepositBook>();
            var final = await node.FinalBlockNumberAsync(ct);
            var cursor = await db.Set<ChainCursor>().AsNoTracking().Where(c => c.Name == EthereumDepositBook.CursorName)
                .Select(c => (long?)c.LastBlock).FirstOrDefaultAsync(ct);
            if (cursor is null)
            {
                // The first start begins at the final block: older deposits are credited by a pasted hash.
                cursor = Math.Max(-1, final - 1);
                await book.RecordAsync([], final: true, cursor, ct);
                logger.LogInformation("Ethereum deposit watcher starts at block {Block}", cursor + 1);
            }

            await map.RefreshAsync(db, ct);
            var matcher = map.Matcher(options.CurrentValue);
            var tokens = options.CurrentValue.Tokens.Select(t => EthereumAddress.Parse(t.Contract)).ToList();
            var last = Math.Min(final, cursor.Value + deposits.Value.MaxBlocksPerPass);
            var scanned = 0;
            for (var from = cursor.Value + 1; from <= last; from += BlocksPerRange)
            {
                var to = Math.Min(last, from + BlocksPerRange - 1);
                var found = await ScanAsync(from, to, tokens, matcher, ct);
                await book.RecordAsync(found, final: true, to, ct);
                if (found.Count > 0)
                {
                    await book.CreditAsync([.. found.Select(f => f.Credit.To.Lower).Distinct()], ct);
                }

                scanned += (int)(to - from + 1);
            }

            await book.CreditDueAsync(ct);
            return scanned;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Blocks <paramref name="from"/>..<paramref name="to"/>: accepted-token Transfer logs and plain ETH into deposit addresses.</summary>
    private async Task<List<ObservedEthereumCredit>> ScanAsync(long from, long to, List<EthereumAddress> tokens, Erc20TransferMatch matcher, CancellationToken ct)
    {
        var found = new List<ObservedEthereumCredit>();
        // Logs only exist for transactions that succeeded: each transaction's logs form its receipt for the match.
        foreach (var logs in (await node.TransferLogsAsync(from, to, tokens, ct)).GroupBy(l => l.TransactionHash))
        {
            var first = logs.First();
            var receipt = new TransactionReceipt
            {
                TransactionHash = first.TransactionHash,
                BlockNumber = first.BlockNumber,
                Status = new HexBigInteger(BigInteger.One),
                Logs = [.. logs],
            };
            var transaction = new Transaction { TransactionHash = first.TransactionHash, From = "0x" + new string('0', 40), Value = new HexBigInteger(0) };
            Add(found, matcher.Match(transaction, receipt), (long)first.BlockNumber.Value);
        }

        for (var number = from; number <= to; number++)
        {
            var block = await node.BlockAsync(number, ct) ?? throw new InvalidOperationException($"The node has no final block {number}.");
            foreach (var tx in block.Transactions)
            {
                if (tx.Value?.Value > 0 && EthereumAddress.TryParse(tx.To, out var recipient) && map.Contains(recipient!))
                {
                    // Rare (a deposit of ETH): its own receipt says whether it succeeded.
                    var receipt = await node.ReceiptAsync(tx.TransactionHash, ct);
                    var match = matcher.Match(tx, receipt);
                    Add(found, match with { Credits = [.. match.Credits.Where(c => c.IsEther)] }, number);
                }
            }
        }

        return found;
    }

    private void Add(List<ObservedEthereumCredit> found, EvmMatch match, long block)
    {
        foreach (var credit in match.Credits)
        {
            if (map.TryGetUser(credit.To, out var userId))
            {
                found.Add(new ObservedEthereumCredit(credit, userId, block));
            }
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
