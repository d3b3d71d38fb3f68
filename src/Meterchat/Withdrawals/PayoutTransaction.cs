using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;

namespace Meterchat.Withdrawals;

/// <summary>
/// Builds a payout's TRC20 transfer, then decodes its own bytes and checks them (owner, contract, recipient,
/// amount, no call value, fee limit, expiration) before signing; the signature is recovered and compared
/// with the hot wallet. Pure apart from the key.
/// </summary>
internal static class PayoutTransaction
{
    public static SignedTransaction Build(Withdrawal w, NodeBlock head, TronAddress usdt, HotWallet wallet, long nowMs, long lifetimeMs, long feeLimitSun)
    {
        var to = TronAddress.Parse(w.ToAddress);
        var expiration = head.Timestamp.ToUnixTimeMilliseconds() + lifetimeMs;
        var raw = TransactionRaw.Create(
            head.ToTapos(), expiration, nowMs, feeLimitSun,
            new TriggerSmartContract(wallet.Address, usdt, 0, Trc20.EncodeTransfer(to, (ulong)w.Net)));
        var bytes = raw.Encode();
        Check(bytes, w, usdt, wallet.Address, feeLimitSun, expiration);
        var signed = new SignedTransaction(bytes, [wallet.Sign(TransactionId.Compute(bytes))]);
        if (signed.RecoverSigner() != wallet.Address)
        {
            throw new InvalidOperationException($"The signature of payout {w.Id} does not recover to the hot wallet.");
        }

        return signed;
    }

    /// <summary>Decodes <paramref name="rawBytes"/> as the chain will and refuses anything but the intended transfer.</summary>
    public static void Check(byte[] rawBytes, Withdrawal w, TronAddress usdt, TronAddress hot, long feeLimitSun, long expiration)
    {
        var raw = TransactionRaw.Decode(rawBytes);
        if (raw.Contract is not TriggerSmartContract call)
        {
            throw Refuse(w, $"contract is {raw.Contract.TypeName}, not TriggerSmartContract");
        }

        if (call.Owner != hot || call.ContractAddress != usdt || call.CallValue != 0 || call.CallTokenValue != 0 || call.TokenId != 0)
        {
            throw Refuse(w, $"owner {call.Owner}, contract {call.ContractAddress}, call value {call.CallValue}");
        }

        if (!Trc20.IsTransfer(call.Data) || call.Data.Length != Trc20.TransferCallLength)
        {
            throw Refuse(w, "the call is not transfer(address,uint256)");
        }

        var (to, amount) = Trc20.DecodeTransfer(call.Data);
        if (to != TronAddress.Parse(w.ToAddress) || amount != w.Net || w.Net <= 0)
        {
            throw Refuse(w, $"pays {amount} to {to}, expected {w.Net} to {w.ToAddress}");
        }

        if (raw.FeeLimit != feeLimitSun || raw.Expiration != expiration)
        {
            throw Refuse(w, $"fee_limit {raw.FeeLimit}, expiration {raw.Expiration}");
        }
    }

    private static InvalidOperationException Refuse(Withdrawal w, string what) =>
        new($"Payout {w.Id}: the built transaction is not the intended transfer ({what}); not signed.");
}
