using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Meterchat.Data;
using Meterchat.Ethereum;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Deposits.Ethereum;

/// <summary>
/// A pasted Ethereum tx hash: well-formed; mined; matched by <see cref="Erc20TransferMatch"/> (the watcher's rule
/// too) against every deposit address; the caller's own credits recorded (final once the block has enough
/// confirmations, or is behind the node's finalized block) and credited through <see cref="EthereumDepositBook"/>.
/// Credits in it to other users' addresses are recorded and credited to them as well.
/// </summary>
public sealed partial class EthereumDepositClaims(
    AppDbContext db,
    EthereumNode node,
    EthereumDepositKeySource keys,
    EthereumDepositAddressMap map,
    DepositAddresses addresses,
    EthereumDepositBook book,
    IOptionsMonitor<EthereumOptions> options)
{
    public bool Enabled => options.CurrentValue.Enabled && keys.Keys is not null;

    public async Task<EthereumClaimOutcome> ClaimAsync(string userId, string? hashText, CancellationToken ct = default)
    {
        if (hashText is null || !HashPattern().IsMatch(hashText.Trim()))
        {
            return EthereumClaimOutcome.Refused(EthereumDepositProblems.Malformed);
        }

        if (!Enabled)
        {
            return EthereumClaimOutcome.Refused(EthereumDepositProblems.Off);
        }

        var hash = "0x" + hashText.Trim()[^64..].ToLowerInvariant();
        var own = keys.Keys!.AddressAt((uint)(await addresses.GetOrCreateAsync(userId, ct)).Index);
        var receipt = await node.ReceiptAsync(hash, ct);
        var transaction = receipt is null ? null : await node.TransactionAsync(hash, ct);
        if (receipt is null || transaction is null)
        {
            return EthereumClaimOutcome.Refused(EthereumDepositProblems.Of(EvmNoCredit.NotMined));
        }

        await map.RefreshAsync(db, ct);
        var match = map.Matcher(options.CurrentValue).Match(transaction, receipt);
        if (match.NoCredit is { } reason)
        {
            return EthereumClaimOutcome.Refused(EthereumDepositProblems.Of(reason));
        }

        var block = (long)receipt.BlockNumber.Value;
        var observed = match.Credits.Select(c => map.TryGetUser(c.To, out var user) ? new ObservedEthereumCredit(c, user, block) : null)
            .OfType<ObservedEthereumCredit>().ToList();
        var mine = observed.Where(c => c.Credit.To == own && c.UserId == userId).ToList();
        var latest = await node.LatestBlockNumberAsync(ct);
        var final = block <= await node.FinalBlockNumberAsync(ct);
        await book.RecordAsync(observed, final, ct: ct);
        if (final)
        {
            await book.CreditAsync([.. observed.Select(c => c.Credit.To.Lower).Distinct()], ct);
        }

        if (mine.Count == 0)
        {
            return EthereumClaimOutcome.Refused(EthereumDepositProblems.SomeoneElsesAddress);
        }

        var indexes = mine.Select(c => c.LogIndex).ToList();
        var rows = await db.Set<EthereumDeposit>().AsNoTracking().Where(d => d.TxHash == hash && indexes.Contains(d.LogIndex)).OrderBy(d => d.LogIndex).ToListAsync(ct);
        var required = (long)options.CurrentValue.Confirmations;
        var confirmations = Math.Max(0, latest - block);
        var credits = rows.Select(r => new EthereumClaimCredit(r.Asset, r.Units, r.Amount, confirmations, required)).ToList();
        return new EthereumClaimOutcome(null, await StatusAsync(rows, ct), credits);
    }

    /// <summary>"credited" when all are; "pending" while any is confirming or (final, enough) waits for an ETH price; else "accumulating".</summary>
    private async Task<string> StatusAsync(List<EthereumDeposit> rows, CancellationToken ct)
    {
        if (rows.All(r => r.CreditedAt is not null))
        {
            return "credited";
        }

        if (rows.Any(r => !r.Final))
        {
            return "pending";
        }

        foreach (var row in rows.Where(r => r.CreditedAt is null))
        {
            var units = await db.Set<EthereumDeposit>().AsNoTracking()
                .Where(d => d.Address == row.Address && d.Asset == row.Asset && d.Final && d.CreditedAt == null).Select(d => d.Units).ToListAsync(ct);
            if (units.Aggregate(BigInteger.Zero, (sum, u) => sum + BigInteger.Parse(u, CultureInfo.InvariantCulture)) >= book.MinimumOf(row.Asset))
            {
                return "pending";
            }
        }

        return "accumulating";
    }

    [GeneratedRegex("^(0x|0X)?[0-9a-fA-F]{64}$")]
    private static partial Regex HashPattern();
}
