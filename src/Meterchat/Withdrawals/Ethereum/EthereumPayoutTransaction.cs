using System.Numerics;
using Meterchat.Ethereum;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Model;
using Nethereum.Signer;

namespace Meterchat.Withdrawals.Ethereum;

/// <summary>
/// Reads back a payout's own signed bytes before they are stored, as TRON's <see cref="PayoutTransaction.Check"/> does:
/// an EIP-1559 transaction of this chain from the hot wallet to the token contract, no ETH value, and exactly
/// <c>transfer(recipient, net)</c>. Anything else is refused (thrown) and nothing is stored or sent.
/// </summary>
internal static class EthereumPayoutTransaction
{
    public static byte[] TransferData(Withdrawal w) => EthereumNode.TokenTransferData(EthereumAddress.Parse(w.ToAddress), new BigInteger(w.Net));

    public static void Check(SignedEthereumTransaction signed, Withdrawal w, EthereumAddress token, EthereumAddress hotWallet, long chainId)
    {
        if (w.Net <= 0 || TransactionFactory.CreateTransaction(signed.Raw) is not Transaction1559 tx)
        {
            throw Refuse(w, "not an EIP-1559 transaction of a positive amount");
        }

        var signer = EthereumAddress.Parse(TransactionVerificationAndRecovery.GetSenderAddress(tx));
        var ok = tx.ChainId == chainId && signer == hotWallet && EthereumAddress.TryParse(tx.ReceiverAddress, out var to) && to == token
            && (tx.Amount ?? BigInteger.Zero).IsZero && (tx.Data ?? "").HexToByteArray().AsSpan().SequenceEqual(TransferData(w));
        if (!ok)
        {
            throw Refuse(w, $"chain {tx.ChainId}, from {signer}, to {tx.ReceiverAddress}, value {tx.Amount}");
        }
    }

    private static InvalidOperationException Refuse(Withdrawal w, string what) =>
        new($"Payout {w.Id}: the signed Ethereum transaction does not match the withdrawal ({what}); not stored, not sent.");
}
