using Meterchat.Ethereum;
using Meterchat.Web;

namespace Meterchat.Deposits.Ethereum;

/// <summary>The refusals of a pasted Ethereum tx hash, one stable problem type each (one per <see cref="EvmNoCredit"/>).</summary>
public static class EthereumDepositProblems
{
    public const string MalformedType = "deposit-eth/malformed-hash";
    public const string OffType = "deposit-eth/off";
    public const string NotMinedType = "deposit-eth/not-mined";
    public const string RevertedType = "deposit-eth/reverted";
    public const string OtherTokenType = "deposit-eth/other-token";
    public const string OtherAddressType = "deposit-eth/other-address";
    public const string NoTransferType = "deposit-eth/no-transfer";
    public const string SomeoneElsesAddressType = "deposit-eth/someone-elses-address";
    public const string TooManyType = "deposit-eth/too-many-claims";

    public static readonly Problem Malformed = new(400, MalformedType, "Malformed transaction hash",
        "That is not an Ethereum transaction hash: paste 0x followed by the 64 hex digits your wallet or Etherscan shows.");

    public static readonly Problem Off = new(503, OffType, "Ethereum deposits are off",
        "This server does not accept Ethereum deposits (no Ethereum node or deposit key is configured). Top up with USDT on TRON instead.");

    public static Problem Of(EvmNoCredit reason) => reason switch
    {
        EvmNoCredit.NotMined => new(404, NotMinedType, "Transaction not found",
            "The Ethereum node does not know this transaction, or it is not mined yet. Check the hash; if it was just sent, paste it again in a minute (it is also credited by itself once mined)."),
        EvmNoCredit.Reverted => new(422, RevertedType, "Failed transaction",
            "This transaction failed on chain (reverted): nothing moved, so nothing was credited."),
        EvmNoCredit.OtherToken => new(422, OtherTokenType, "Not an accepted token",
            "This transaction sent a token we do not accept to your address (only USDT, USDC and ETH are credited; a fake token looks the same in a wallet). Nothing was credited."),
        EvmNoCredit.OtherAddress => new(422, OtherAddressType, "Paid to another address",
            "This transaction paid someone else's address, not your deposit address. Only transfers to your own address are credited to you."),
        EvmNoCredit.NoTransfer => new(422, NoTransferType, "Not a transfer",
            "This transaction moved no USDT, USDC or ETH (e.g. an approval or a contract call). ETH sent by a contract (an internal transfer) is not seen either."),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "A reason without a problem."),
    };

    public static readonly Problem SomeoneElsesAddress = new(422, SomeoneElsesAddressType, "Paid to another user's address",
        "This transaction paid another user's deposit address, not yours. It is credited to that user.");
}
