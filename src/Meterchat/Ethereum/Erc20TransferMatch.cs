using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Contracts.Standards.ERC20.ContractDefinition;
using Nethereum.RPC.Eth.DTOs;

namespace Meterchat.Ethereum;

/// <summary>
/// Decides what a mined transaction credits, from its receipt (status, logs) and the transaction (to, value):
/// every ERC-20 <c>Transfer</c> log of an accepted token into a deposit address, keyed (tx hash, log index), and
/// the plain ETH value sent straight to a deposit address, keyed (tx hash). ETH moved by a contract (an internal
/// transfer) leaves no log and is not seen. Pure: no node, no database; the caller says which addresses are ours.
/// </summary>
public sealed class Erc20TransferMatch
{
    public const string EtherSymbol = "ETH";

    private readonly Func<EthereumAddress, bool> _isDepositAddress;
    private readonly IReadOnlyDictionary<EthereumAddress, string> _tokens;

    /// <param name="isDepositAddress">Whether an address is one of the platform's deposit addresses.</param>
    /// <param name="tokens">The accepted token contracts and their symbols.</param>
    public Erc20TransferMatch(Func<EthereumAddress, bool> isDepositAddress, IReadOnlyDictionary<EthereumAddress, string> tokens)
    {
        _isDepositAddress = isDepositAddress;
        _tokens = tokens;
    }

    public EvmMatch Match(Transaction transaction, TransactionReceipt? receipt)
    {
        if (receipt?.Status is null || receipt.BlockNumber is null)
        {
            return EvmMatch.None(EvmNoCredit.NotMined);
        }

        if (receipt.Status.Value != BigInteger.One)
        {
            return EvmMatch.None(EvmNoCredit.Reverted);
        }

        var hash = receipt.TransactionHash.ToLowerInvariant();
        var from = EthereumAddress.Parse(transaction.From);
        var credits = new List<EvmCredit>();
        var otherToken = false;
        var otherAddress = false;

        var value = transaction.Value?.Value ?? BigInteger.Zero;
        if (value > 0 && transaction.To is { } to && EthereumAddress.TryParse(to, out var recipient))
        {
            if (_isDepositAddress(recipient!))
            {
                credits.Add(new EvmCredit(new EvmCreditKey(hash, null), EtherSymbol, null, from, recipient!, value));
            }
            else
            {
                otherAddress = true;
            }
        }

        foreach (var log in receipt.Logs ?? [])
        {
            if (!IsErc20Transfer(log))
            {
                continue;
            }

            var transfer = log.DecodeEvent<TransferEventDTO>().Event;
            if (transfer.Value.IsZero)
            {
                continue; // zero-value transfers are address-poisoning spam, not deposits
            }

            var contract = EthereumAddress.Parse(log.Address);
            var into = EthereumAddress.Parse(transfer.To);
            var accepted = _tokens.TryGetValue(contract, out var symbol);
            var ours = _isDepositAddress(into);
            if (accepted && ours)
            {
                var key = new EvmCreditKey(hash, (long)log.LogIndex.Value);
                credits.Add(new EvmCredit(key, symbol!, contract, EthereumAddress.Parse(transfer.From), into, transfer.Value));
            }
            else if (ours && !accepted)
            {
                otherToken = true;
            }
            else if (accepted)
            {
                otherAddress = true;
            }
        }

        if (credits.Count > 0)
        {
            return EvmMatch.Credited(credits);
        }

        return EvmMatch.None(otherToken ? EvmNoCredit.OtherToken : otherAddress ? EvmNoCredit.OtherAddress : EvmNoCredit.NoTransfer);
    }

    /// <summary>
    /// An ERC-20 Transfer has the event's signature and exactly two indexed topics (from, to) and the amount as
    /// 32 bytes of data; ERC-721's Transfer has the same signature but indexes the token id as a third topic.
    /// A log a reorganisation removed does not count.
    /// </summary>
    private static bool IsErc20Transfer(FilterLog log) =>
        !log.Removed
        && log.Topics is { Length: 3 }
        && log.IsLogForEvent<TransferEventDTO>()
        && log.Data is { } data && data.Length == 66
        && log.LogIndex is not null;
}
