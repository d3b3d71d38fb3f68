using System.Globalization;
using System.Numerics;
using Meterchat.Audit;
using Meterchat.Data;
using Meterchat.Ethereum;
using Meterchat.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nethereum.Signer;

namespace Meterchat.Deposits.Ethereum.Sweeps;

/// <summary>
/// Sweeps ERC-20 deposits into the hot wallet: plan (<see cref="SweepPlanner"/>), sign, <b>store</b>, then broadcast
/// and follow, as payouts do. <see cref="StartAsync"/> stores the first transaction (the gas top-up, or the transfer
/// itself when the address has the ETH); <see cref="AdvanceAsync"/> (re)broadcasts the stored bytes until mined, signs
/// and stores the transfer once the top-up is mined, and completes the sweep with its costs once the transfer is final.
/// A crash anywhere leaves a row that the next advance carries on from the same bytes.
/// </summary>
public sealed class EthereumSweeps(
    AppDbContext db,
    EthereumNode node,
    EthereumHotWallet hotWallet,
    SweepSteps steps,
    AdminAuditLog audit,
    TimeProvider time,
    ILogger<EthereumSweeps> logger)
{
    public const string SweepAction = "treasury.ethereum-sweep";
    public const string JobStarter = "job";

    /// <summary>Sweeps on this node run one step at a time (the admin button and the job share it; a cluster runs the job on one node).</summary>
    private static readonly SemaphoreSlim Sweeping = new(1, 1);

    /// <summary>An admin's sweep of one deposit address: stored, broadcast, followed as far as the chain allows now.</summary>
    public async Task<Outcome<EthereumSweepView>> SweepForAdminAsync(string? address, AdminActor admin, CancellationToken ct)
    {
        var started = await StartAsync(address, $"admin:{admin.Id}", ct);
        if (started.Value is not { } sweep)
        {
            return started.Problem!;
        }

        await audit.RecordAsync(admin, SweepAction, $"address:{sweep.Address}", "",
            new { sweep.Id, sweep.Asset, sweep.Amount, sweep.TopUpEth }, ct);
        return EthereumSweepView.Of(await AdvanceAsync(sweep.Id, ct));
    }

    /// <summary>Plans, signs and stores the first transaction of a sweep of <paramref name="addressText"/>; broadcasts nothing.</summary>
    public async Task<Outcome<EthereumSweepView>> StartAsync(string? addressText, string startedBy, CancellationToken ct)
    {
        if (!EthereumAddress.TryParse(addressText?.Trim(), out var address) || address is null)
        {
            return EthereumSweepProblems.Of(EthereumSweepProblems.BadAddress, 400, "Invalid address", "Give a deposit address: 0x and 40 hex digits.");
        }

        if (!node.Options.Enabled)
        {
            return EthereumSweepProblems.Of(EthereumSweepProblems.Off, 503, "Ethereum is off", "Set Ethereum:RpcUrl to sweep (docs/ethereum.md).");
        }

        await Sweeping.WaitAsync(ct);
        try
        {
            return await StartLockedAsync(address, startedBy, ct);
        }
        catch (Exception e) when (IsNodeFailure(e))
        {
            logger.LogWarning(e, "Ethereum sweep of {Address}: the node could not be read", address);
            return EthereumSweepProblems.Of(EthereumSweepProblems.NodeUnavailable, 503, "Node unavailable", "The Ethereum node could not be read; nothing was sent. Try again shortly.");
        }
        finally
        {
            Sweeping.Release();
        }
    }

    /// <summary>Moves one sweep on as far as it can go now (see the class summary) and returns it.</summary>
    public async Task<EthereumSweep> AdvanceAsync(long id, CancellationToken ct)
    {
        await Sweeping.WaitAsync(ct);
        try
        {
            var sweep = await db.Set<EthereumSweep>().SingleAsync(s => s.Id == id, ct);
            // A step that changes the status may allow the next (instant mining: broadcast, mined, sign the next one).
            for (var step = 0; step < 6 && await steps.StepAsync(sweep, ct); step++)
            {
            }

            return sweep;
        }
        finally
        {
            Sweeping.Release();
        }
    }

    /// <summary>Advances every unfinished sweep; returns how many are still unfinished.</summary>
    public async Task<int> AdvanceAllAsync(CancellationToken ct)
    {
        var open = await db.Set<EthereumSweep>().AsNoTracking()
            .Where(s => s.Status == EthereumSweepStatus.TopUpStored || s.Status == EthereumSweepStatus.SweepStored)
            .OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var left = 0;
        foreach (var id in open)
        {
            var sweep = await AdvanceAsync(id, ct);
            left += sweep.Status is EthereumSweepStatus.TopUpStored or EthereumSweepStatus.SweepStored ? 1 : 0;
        }

        return left;
    }

    /// <summary>The background pass: starts a sweep of every address whose balance reaches <paramref name="thresholdUnits"/>, then advances all.</summary>
    public async Task<int> RunAsync(long thresholdUnits, CancellationToken ct)
    {
        await AdvanceAllAsync(ct);
        var started = 0;
        foreach (var address in await CandidatesAsync(ct))
        {
            var outcome = await StartWithThresholdAsync(address, JobStarter, thresholdUnits, ct);
            started += outcome.Value is null ? 0 : 1;
        }

        await AdvanceAllAsync(ct);
        return started;
    }

    public async Task<IReadOnlyList<EthereumSweepView>> ListAsync(int take, CancellationToken ct)
    {
        var rows = await db.Set<EthereumSweep>().AsNoTracking().OrderByDescending(s => s.Id).Take(take).ToListAsync(ct);
        return [.. rows.Select(EthereumSweepView.Of)];
    }

    private async Task<Outcome<EthereumSweepView>> StartWithThresholdAsync(string addressText, string startedBy, long thresholdUnits, CancellationToken ct)
    {
        await Sweeping.WaitAsync(ct);
        try
        {
            return await StartLockedAsync(EthereumAddress.Parse(addressText), startedBy, ct, thresholdUnits);
        }
        catch (Exception e) when (IsNodeFailure(e))
        {
            logger.LogWarning(e, "Ethereum sweep of {Address}: the node could not be read", addressText);
            return EthereumSweepProblems.Of(EthereumSweepProblems.NodeUnavailable, 503, "Node unavailable", "The Ethereum node could not be read.");
        }
        finally
        {
            Sweeping.Release();
        }
    }

    /// <summary>Addresses with a stablecoin credited since their last sweep.</summary>
    private async Task<IReadOnlyList<string>> CandidatesAsync(CancellationToken ct)
    {
        var credited = await db.Set<EthereumDeposit>().AsNoTracking()
            .Where(d => d.CreditedAt != null && d.Asset != "ETH")
            .Select(d => new { d.Address, d.CreditedAt }).ToListAsync(ct);
        var lastSweeps = await LastSweepsAsync(ct);
        return [.. credited.GroupBy(d => d.Address)
            .Where(g => !lastSweeps.TryGetValue(g.Key, out var last) || g.Max(d => d.CreditedAt!.Value) >= last)
            .Select(g => g.Key).Order(StringComparer.Ordinal)];
    }

    private async Task<Dictionary<string, DateTimeOffset>> LastSweepsAsync(CancellationToken ct, string? address = null)
    {
        var sweeps = db.Set<EthereumSweep>().AsNoTracking().Where(s => s.Status != EthereumSweepStatus.Failed);
        if (address is not null)
        {
            sweeps = sweeps.Where(s => s.Address == address);
        }

        var rows = await sweeps.Select(s => new { s.Address, s.CreatedAt }).ToListAsync(ct);
        return rows.GroupBy(s => s.Address).ToDictionary(g => g.Key, g => g.Max(s => s.CreatedAt), StringComparer.Ordinal);
    }

    private async Task<Outcome<EthereumSweepView>> StartLockedAsync(EthereumAddress address, string startedBy, CancellationToken ct, long thresholdUnits = 1)
    {
        var at = address.Lower;
        var rows = await db.Set<EthereumDeposit>().AsNoTracking().Where(d => d.Address == at)
            .Select(d => new { d.UserId, d.Asset, d.Units, d.CreditedAt }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return EthereumSweepProblems.Of(EthereumSweepProblems.NotADepositAddress, 404, "Not a deposit address", $"No deposit was ever seen at {address}.");
        }

        var userId = rows[0].UserId;
        var index = await db.Set<DepositAddress>().AsNoTracking().Where(d => d.UserId == userId).Select(d => (int?)d.Index).SingleOrDefaultAsync(ct);
        if (index is null)
        {
            return EthereumSweepProblems.Of(EthereumSweepProblems.NotADepositAddress, 404, "Not a deposit address", $"{address} belongs to no deposit index.");
        }

        if (await db.Set<EthereumSweep>().AnyAsync(s => s.Address == at && (s.Status == EthereumSweepStatus.TopUpStored || s.Status == EthereumSweepStatus.SweepStored), ct))
        {
            return EthereumSweepProblems.Of(EthereumSweepProblems.InProgress, 409, "Sweep in progress", $"A sweep of {address} is still on its way; it moves on by itself (or with Advance).");
        }

        if (hotWallet.Address is not { } hotAddress)
        {
            return EthereumSweepProblems.Of(EthereumSweepProblems.NoKey, 503, "No hot wallet", $"Set {EthereumHotWalletOptions.KeySetting} (or {EthereumHotWalletOptions.AddressSetting}) to sweep.");
        }

        var last = (await LastSweepsAsync(ct, at)).GetValueOrDefault(at, DateTimeOffset.MinValue);
        var credited = rows.Where(r => r.CreditedAt is { } c && c >= last && r.Asset != "ETH")
            .GroupBy(r => r.Asset, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(BigInteger.Zero, (sum, r) => sum + BigInteger.Parse(r.Units, CultureInfo.InvariantCulture)), StringComparer.Ordinal);
        var balances = new List<(string, EthereumAddress, BigInteger)>();
        foreach (var token in node.Options.Tokens.Where(t => credited.ContainsKey(t.Symbol)))
        {
            var contract = EthereumAddress.Parse(token.Contract);
            balances.Add((token.Symbol, contract, await node.TokenBalanceAsync(contract, address, ct)));
        }

        var biggest = balances.OrderByDescending(b => b.Item3).FirstOrDefault();
        var ether = await node.EtherBalanceAsync(address, ct);
        var fee = biggest.Item1 is null || biggest.Item3.IsZero
            ? null
            : await node.EstimateTokenTransferFeeAsync(address, biggest.Item2, hotAddress, biggest.Item3, ct);
        var plan = fee is null ? null : SweepPlanner.Plan(credited, balances, ether, fee, thresholdUnits);
        if (plan is null)
        {
            return EthereumSweepProblems.Of(EthereumSweepProblems.NothingToSweep, 409, "Nothing to sweep",
                $"{address} holds no USDT or USDC credited since its last sweep{(thresholdUnits > 1 ? " above the threshold" : "")}.");
        }

        var sweep = new EthereumSweep
        {
            Address = at,
            AddressIndex = index.Value,
            Asset = plan.Asset,
            Contract = plan.Contract.Lower,
            Units = plan.Units.ToString(CultureInfo.InvariantCulture),
            HotWallet = hotAddress.Lower,
            TopUpWei = plan.TopUpWei.ToString(CultureInfo.InvariantCulture),
            MaxFeePerGas = plan.Fee.MaxFeePerGas.ToString(CultureInfo.InvariantCulture),
            MaxPriorityFeePerGas = plan.Fee.MaxPriorityFeePerGas.ToString(CultureInfo.InvariantCulture),
            GasLimit = plan.Fee.GasLimit.ToString(CultureInfo.InvariantCulture),
            CreatedAt = time.GetUtcNow(),
            StartedBy = startedBy,
        };
        if (plan.TopUpWei > 0)
        {
            if (!hotWallet.CanSign)
            {
                return EthereumSweepProblems.Of(EthereumSweepProblems.NoKey, 503, "No hot wallet key",
                    $"{address} needs {EtherText.Of(plan.TopUpWei)} ETH for gas first: set {EthereumHotWalletOptions.KeySetting} to send it.");
            }

            var topUp = await node.SignNextAsync(hotWallet.Key, address, plan.TopUpWei, null, null, ct);
            sweep.TopUpHash = topUp.Hash;
            sweep.TopUpRaw = topUp.Raw;
            sweep.Status = EthereumSweepStatus.TopUpStored;
        }
        else
        {
            EthECKey? key;
            try
            {
                key = steps.DepositKey(sweep);
            }
            catch (InvalidOperationException e)
            {
                return EthereumSweepProblems.Of(EthereumSweepProblems.NoKey, 503, "Wrong deposit key", e.Message);
            }

            if (key is null)
            {
                return EthereumSweepProblems.Of(EthereumSweepProblems.NoKey, 503, "No deposit key",
                    $"Set {SweepKeys.DepositMnemonicSetting} (the mnemonic of the deposit xpub) to sign the sweep of {address}.");
            }

            await steps.SignTransferAsync(sweep, key, ct);
        }

        db.Add(sweep);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Ethereum sweep {Sweep} of {Address}: {Units} {Asset} base units, top-up {TopUpWei} wei, stored",
            sweep.Id, address, sweep.Units, sweep.Asset, sweep.TopUpWei);
        return EthereumSweepView.Of(sweep);
    }

    private static bool IsNodeFailure(Exception e) =>
        e is HttpRequestException or TimeoutException or Nethereum.JsonRpc.Client.RpcClientUnknownException or Nethereum.JsonRpc.Client.RpcClientTimeoutException
            or Nethereum.JsonRpc.Client.RpcResponseException;
}
