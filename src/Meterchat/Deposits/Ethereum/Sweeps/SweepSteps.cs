using System.Globalization;
using System.Numerics;
using Meterchat.Data;
using Meterchat.Ethereum;
using Meterchat.Ethereum.Prices;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;

namespace Meterchat.Deposits.Ethereum.Sweeps;

/// <summary>
/// The steps of a stored sweep: (re)broadcast the stored bytes until mined; once the top-up is mined, sign and store
/// the token transfer; once the transfer is final, record the gas paid and its cost at the current ETH price.
/// </summary>
public sealed class SweepSteps(AppDbContext db, EthereumNode node, SweepKeys keys, IPriceSource prices, TimeProvider time, ILogger<SweepSteps> logger)
{
    /// <summary>One step; true when the sweep changed.</summary>
    public async Task<bool> StepAsync(EthereumSweep sweep, CancellationToken ct)
    {
        switch (sweep.Status)
        {
            case EthereumSweepStatus.TopUpStored:
            {
                if (await node.ReceiptAsync(sweep.TopUpHash!, ct) is not { } receipt)
                {
                    await node.BroadcastAsync(sweep.TopUpRaw!, ct);
                    return await node.ReceiptAsync(sweep.TopUpHash!, ct) is not null;
                }

                sweep.TopUpFeeWei = FeeOf(receipt);
                if (receipt.Status?.Value != BigInteger.One)
                {
                    return await FailAsync(sweep, "The gas top-up reverted.", ct);
                }

                // Mined is enough to spend it: the transfer cannot be mined before the top-up it pays gas with.
                if (DepositKey(sweep) is not { } key)
                {
                    logger.LogWarning("Ethereum sweep {Sweep}: the top-up is mined but {Setting} is not set; the transfer waits", sweep.Id, SweepKeys.DepositMnemonicSetting);
                    return false;
                }

                await SignTransferAsync(sweep, key, ct);
                await db.SaveChangesAsync(ct);
                return true;
            }

            case EthereumSweepStatus.SweepStored:
            {
                if (await node.ReceiptAsync(sweep.SweepHash!, ct) is not { } receipt)
                {
                    await node.BroadcastAsync(sweep.SweepRaw!, ct);
                    return await node.ReceiptAsync(sweep.SweepHash!, ct) is not null;
                }

                if (receipt.Status?.Value != BigInteger.One)
                {
                    sweep.SweepFeeWei = FeeOf(receipt);
                    return await FailAsync(sweep, "The token transfer reverted.", ct);
                }

                if ((long)receipt.BlockNumber.Value > await node.FinalBlockNumberAsync(ct))
                {
                    return false;
                }

                sweep.SweepFeeWei = FeeOf(receipt);
                var gas = BigInteger.Parse(sweep.TopUpFeeWei ?? "0", CultureInfo.InvariantCulture) + BigInteger.Parse(sweep.SweepFeeWei, CultureInfo.InvariantCulture);
                try
                {
                    var price = await prices.EtherPriceAsync(ct);
                    sweep.MicrosPerEther = price.MicrosPerEther;
                    sweep.CostMicros = price.MicrosFor(gas).Value;
                }
                catch (PriceUnavailableException e)
                {
                    logger.LogWarning("Ethereum sweep {Sweep}: no ETH price to value its gas ({Reason})", sweep.Id, e.Message);
                }

                sweep.Status = EthereumSweepStatus.Completed;
                sweep.CompletedAt = time.GetUtcNow();
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Ethereum sweep {Sweep} of {Address} completed: {Units} {Asset} base units, gas {GasWei} wei",
                    sweep.Id, sweep.Address, sweep.Units, sweep.Asset, gas);
                return true;
            }

            default:
                return false;
        }
    }

    public async Task SignTransferAsync(EthereumSweep sweep, EthECKey key, CancellationToken ct)
    {
        var fee = new EthereumFee(BigInteger.Parse(sweep.MaxFeePerGas, CultureInfo.InvariantCulture),
            BigInteger.Parse(sweep.MaxPriorityFeePerGas, CultureInfo.InvariantCulture), BigInteger.Parse(sweep.GasLimit, CultureInfo.InvariantCulture));
        var signed = await node.SignNextAsync(key, EthereumAddress.Parse(sweep.Contract), BigInteger.Zero,
            EthereumNode.TokenTransferData(EthereumAddress.Parse(sweep.HotWallet), BigInteger.Parse(sweep.Units, CultureInfo.InvariantCulture)), fee, ct);
        sweep.SweepHash = signed.Hash;
        sweep.SweepRaw = signed.Raw;
        sweep.Status = EthereumSweepStatus.SweepStored;
    }

    /// <summary>The deposit address's key, checked against the address (a wrong mnemonic must not sign anything).</summary>
    public EthECKey? DepositKey(EthereumSweep sweep)
    {
        var key = keys.DepositKey(sweep.AddressIndex);
        if (key is not null && !string.Equals(key.GetPublicAddress(), sweep.Address, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{SweepKeys.DepositMnemonicSetting} does not derive {sweep.Address} at index {sweep.AddressIndex}: it is not the mnemonic of Ethereum:AccountXpub.");
        }

        return key;
    }

    private async Task<bool> FailAsync(EthereumSweep sweep, string why, CancellationToken ct)
    {
        sweep.Status = EthereumSweepStatus.Failed;
        sweep.Failure = why;
        sweep.CompletedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Ethereum sweep {Sweep} of {Address} failed: {Why}", sweep.Id, sweep.Address, why);
        return true;
    }

    private static string FeeOf(TransactionReceipt receipt) =>
        SweepPlanner.FeePaid(receipt.GasUsed.Value, receipt.EffectiveGasPrice?.Value ?? BigInteger.Zero).ToString(CultureInfo.InvariantCulture);
}
