using System.Buffers.Binary;
using System.Numerics;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;
using Microsoft.Extensions.Logging;

namespace Meterchat.DevChain;

public sealed partial class DevChainNode
{
    /// <summary>The largest fee_limit java-tron accepts: 15,000 TRX.</summary>
    public const long MaxFeeLimitSun = 15_000_000_000;

    /// <summary>
    /// Accepts a signed transaction into the pending pool, checking what a java-tron node checks:
    /// not already known (DUP_TRANSACTION_ERROR), TAPOS (TAPOS_ERROR), expiration after the head block
    /// and within 24 h (TRANSACTION_EXPIRATION_ERROR), one signature that recovers to the owner
    /// (SIGERROR), and the contract itself (CONTRACT_VALIDATE_ERROR). It executes in the next block.
    /// </summary>
    public BroadcastResult Broadcast(SignedTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        lock (_lock)
        {
            var result = Validate(transaction);
            if (result.Result)
            {
                _pending.Add(transaction);
            }
            else
            {
                _logger.LogDebug("Dev chain refused {TxId}: {Code} {Message}", transaction.TxIdHex, result.Code, result.Message);
            }

            return result;
        }
    }

    /// <summary>As <see cref="Broadcast(SignedTransaction)"/>, from the hex that <c>/wallet/broadcasthex</c> takes.</summary>
    public BroadcastResult BroadcastHex(string transactionHex)
    {
        SignedTransaction transaction;
        try
        {
            transaction = SignedTransaction.FromHex(transactionHex);
        }
        catch (FormatException e)
        {
            return new BroadcastResult(false, "OTHER_ERROR", $"Cannot parse the transaction: {e.Message}", null);
        }

        return Broadcast(transaction);
    }

    /// <summary>
    /// Sends <paramref name="amount"/> (sun for TRX, base units for the tokens) from the faucet to
    /// <paramref name="to"/> in a real signed transaction, and returns its TXID. It lands in the next block.
    /// </summary>
    public string Faucet(TronAddress to, FaucetToken token, long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        lock (_lock)
        {
            var now = NowMs();
            var tapos = Tapos.FromBlock(_head.Number, _head.Id);
            var expiration = Math.Max(now, _head.Timestamp) + 60_000;
            TransactionRaw raw = token switch
            {
                FaucetToken.Trx => TransactionRaw.Create(tapos, expiration, now, 0, new TransferContract(_faucet.Address, to, amount)),
                _ => TransactionRaw.Create(
                    tapos,
                    expiration,
                    now,
                    100_000_000,
                    new TriggerSmartContract(_faucet.Address, token == FaucetToken.Usdt ? Usdt : FakeUsdt, 0, Trc20.EncodeTransfer(to, new BigInteger(amount)))),
            };
            var signed = SignedTransaction.Sign(raw, _faucet);
            var result = Broadcast(signed);
            return result.Result
                ? signed.TxIdHex
                : throw new InvalidOperationException($"The faucet's transaction was refused: {result.Code} {result.Message}");
        }
    }

    private BroadcastResult Validate(SignedTransaction tx)
    {
        var txId = tx.TxIdHex;
        BroadcastResult Refuse(string code, string message) => new(false, code, message, txId);

        if (_transactions.ContainsKey(txId) || _pending.Any(p => p.TxIdHex == txId))
        {
            return Refuse(BroadcastResult.DuplicateCode, "Dup transaction.");
        }

        TransactionRaw raw;
        try
        {
            raw = tx.Raw;
        }
        catch (FormatException e)
        {
            return Refuse("OTHER_ERROR", $"Cannot parse raw_data: {e.Message}");
        }

        if (!TaposMatches(raw))
        {
            return Refuse("TAPOS_ERROR", $"Tapos check error: ref block {Hex.ToHex(raw.RefBlockBytes)}/{Hex.ToHex(raw.RefBlockHash)} is not one of the last {TaposWindow} blocks.");
        }

        if (raw.Expiration <= _head.Timestamp)
        {
            return Refuse("TRANSACTION_EXPIRATION_ERROR", $"Transaction expired: expiration {raw.Expiration} is not after the head block time {_head.Timestamp}.");
        }

        if (raw.Expiration > _head.Timestamp + (long)MaxExpiration.TotalMilliseconds)
        {
            return Refuse("TRANSACTION_EXPIRATION_ERROR", $"Transaction expiration {raw.Expiration} is more than 24 h after the head block time {_head.Timestamp}.");
        }

        if (tx.Signatures.Count != 1)
        {
            return Refuse("SIGERROR", $"Validate signature error: the dev chain takes exactly one signature, got {tx.Signatures.Count}.");
        }

        if (!Tron.Crypto.TronSignature.TryRecoverSigner(tx.TxId, tx.Signatures[0], out var signer, out var sigError))
        {
            return Refuse("SIGERROR", $"Validate signature error: {sigError}.");
        }

        if (signer != raw.Contract.Owner)
        {
            return Refuse("SIGERROR", $"Validate signature error: signed by {signer}, but the owner is {raw.Contract.Owner}.");
        }

        var contractError = ValidateContract(raw);
        return contractError is null
            ? new BroadcastResult(true, "SUCCESS", null, txId)
            : Refuse("CONTRACT_VALIDATE_ERROR", contractError);
    }

    private string? ValidateContract(TransactionRaw raw)
    {
        switch (raw.Contract)
        {
            case TransferContract transfer:
                if (!_accounts.TryGetValue(transfer.Owner, out var owner))
                {
                    return $"Validate TransferContract error, no OwnerAccount {transfer.Owner}.";
                }

                if (transfer.AmountSun <= 0)
                {
                    return "Amount must be greater than 0.";
                }

                if (transfer.To == transfer.Owner)
                {
                    return "Cannot transfer TRX to yourself.";
                }

                var fee = _accounts.ContainsKey(transfer.To) ? 0 : _options.CreateAccountFeeSun;
                return owner.BalanceSun < transfer.AmountSun + fee
                    ? $"Validate TransferContract error, balance is not sufficient: {owner.BalanceSun} sun, needs {transfer.AmountSun + fee}."
                    : null;

            case TriggerSmartContract call:
                if (!_accounts.ContainsKey(call.Owner))
                {
                    return $"Validate TriggerSmartContract error, account {call.Owner} does not exist (send it TRX first).";
                }

                if (!_tokens.ContainsKey(call.ContractAddress) && call.ContractAddress != Router)
                {
                    return "No contract or not a valid smart contract";
                }

                return raw.FeeLimit is < 0 or > MaxFeeLimitSun ? $"feeLimit must be >= 0 and <= {MaxFeeLimitSun}" : null;

            default:
                return $"Contract type {raw.Contract.TypeName} is not supported by the dev chain (TransferContract and TriggerSmartContract are).";
        }
    }

    /// <summary>ref_block_bytes names a block number's low 16 bits; that block's id must carry ref_block_hash at [8,16).</summary>
    private bool TaposMatches(TransactionRaw raw)
    {
        if (raw.RefBlockBytes.Length != 2 || raw.RefBlockHash.Length != 8)
        {
            return false;
        }

        var low = BinaryPrimitives.ReadUInt16BigEndian(raw.RefBlockBytes);
        var back = (_head.Number - low) & 0xFFFF;
        var number = _head.Number - back;
        return number >= 0
            && _blocks.TryGetValue(number, out var block)
            && block.Id.AsSpan(8, 8).SequenceEqual(raw.RefBlockHash);
    }
}
