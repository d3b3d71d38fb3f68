using System.Numerics;
using Meterchat.Ethereum;
using Meterchat.Ledger;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace Meterchat.Tests.Ethereum;

/// <summary>Every outcome of matching a transaction against the deposit addresses and the accepted tokens.</summary>
public sealed class Erc20TransferMatchTests
{
    private const string TransferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private const string ApprovalTopic = "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925";
    private const string Hash = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private static readonly EthereumAddress Usdt = EthereumAddress.Parse("0xdAC17F958D2ee523a2206206994597C13D831ec7");
    private static readonly EthereumAddress Usdc = EthereumAddress.Parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
    private static readonly EthereumAddress OtherToken = EthereumAddress.Parse("0x6b175474e89094c44da98b954eedeac495271d0f");
    private static readonly EthereumAddress Deposit = EthereumAddress.Parse("0x9858EfFD232B4033E47d90003D41EC34EcaEda94");
    private static readonly EthereumAddress Deposit2 = EthereumAddress.Parse("0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0");
    private static readonly EthereumAddress Stranger = EthereumAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    private static readonly EthereumAddress Sender = EthereumAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    private readonly Erc20TransferMatch _match = new(
        new HashSet<EthereumAddress> { Deposit, Deposit2 }.Contains,
        new Dictionary<EthereumAddress, string> { [Usdt] = "USDT", [Usdc] = "USDC" });

    [Fact]
    public void A_usdt_transfer_to_a_deposit_address_credits_its_amount_keyed_by_hash_and_log_index()
    {
        var match = _match.Match(Call(Usdt), Receipt(1, Transfer(Usdt, Deposit, 25_000_000, logIndex: 4)));

        var credit = Assert.Single(match.Credits);
        Assert.Null(match.NoCredit);
        Assert.Equal(new EvmCreditKey(Hash, 4), credit.Key);
        Assert.Equal("USDT", credit.Asset);
        Assert.Equal(Usdt, credit.Contract);
        Assert.Equal(Sender, credit.From);
        Assert.Equal(Deposit, credit.To);
        Assert.Equal(new BigInteger(25_000_000), credit.Amount);
        Assert.Equal(Micros.FromUsdt(25), credit.StablecoinMicros);
    }

    [Fact]
    public void Several_transfer_logs_in_one_transaction_each_credit_once_under_their_own_log_index()
    {
        var match = _match.Match(Call(Stranger), Receipt(1,
            Transfer(Usdc, Deposit, 1_000_000, logIndex: 0),
            Transfer(Usdt, Deposit2, 2_000_000, logIndex: 1),
            Transfer(Usdc, Stranger, 3_000_000, logIndex: 2),
            Transfer(Usdc, Deposit, 4_000_000, logIndex: 3)));

        Assert.Equal([0L, 1L, 3L], match.Credits.Select(c => c.Key.LogIndex!.Value));
        Assert.Equal(["USDC", "USDT", "USDC"], match.Credits.Select(c => c.Asset));
        Assert.Equal(3, match.Credits.Select(c => c.Key).Distinct().Count());
    }

    [Fact]
    public void Plain_eth_sent_to_a_deposit_address_credits_wei_keyed_by_the_hash_alone()
    {
        var wei = BigInteger.Parse("1500000000000000000", System.Globalization.CultureInfo.InvariantCulture); // 1.5 ETH
        var match = _match.Match(Call(Deposit, wei), Receipt(1));

        var credit = Assert.Single(match.Credits);
        Assert.Equal(new EvmCreditKey(Hash, null), credit.Key);
        Assert.Equal("ETH", credit.Asset);
        Assert.True(credit.IsEther);
        Assert.Null(credit.Contract);
        Assert.Equal(wei, credit.Amount);
        Assert.Throws<InvalidOperationException>(() => credit.StablecoinMicros);
    }

    [Fact]
    public void No_receipt_means_not_mined()
    {
        Assert.Equal(EvmNoCredit.NotMined, _match.Match(Call(Usdt), null).NoCredit);
    }

    [Fact]
    public void A_reverted_transaction_credits_nothing_even_with_value_to_a_deposit_address()
    {
        Assert.Equal(EvmNoCredit.Reverted, _match.Match(Call(Usdt), Receipt(0)).NoCredit);
        Assert.Equal(EvmNoCredit.Reverted, _match.Match(Call(Deposit, 5), Receipt(0)).NoCredit);
    }

    [Fact]
    public void A_token_we_do_not_accept_sent_to_a_deposit_address_is_other_token()
    {
        var match = _match.Match(Call(OtherToken), Receipt(1, Transfer(OtherToken, Deposit, 9_000_000, logIndex: 0)));

        Assert.Empty(match.Credits);
        Assert.Equal(EvmNoCredit.OtherToken, match.NoCredit);
    }

    [Fact]
    public void An_accepted_token_or_eth_sent_elsewhere_is_other_address()
    {
        Assert.Equal(EvmNoCredit.OtherAddress, _match.Match(Call(Usdt), Receipt(1, Transfer(Usdt, Stranger, 9_000_000, logIndex: 0))).NoCredit);
        Assert.Equal(EvmNoCredit.OtherAddress, _match.Match(Call(Stranger, 10), Receipt(1)).NoCredit);
    }

    [Fact]
    public void A_call_that_moves_no_token_and_no_eth_is_no_transfer()
    {
        var approval = new FilterLog
        {
            Address = Usdt.Lower, LogIndex = new HexBigInteger(0), TransactionHash = Hash,
            Topics = [ApprovalTopic, Topic(Sender), Topic(Deposit)], Data = Amount(5),
        };

        Assert.Equal(EvmNoCredit.NoTransfer, _match.Match(Call(Usdt), Receipt(1, approval)).NoCredit);
        Assert.Equal(EvmNoCredit.NoTransfer, _match.Match(Call(Deposit), Receipt(1)).NoCredit);
    }

    [Fact]
    public void An_nft_transfer_with_the_same_event_signature_but_an_indexed_token_id_is_not_a_deposit()
    {
        var nft = new FilterLog
        {
            Address = Usdt.Lower, LogIndex = new HexBigInteger(0), TransactionHash = Hash, Data = "0x",
            Topics = [TransferTopic, Topic(Sender), Topic(Deposit), "0x" + new string('0', 63) + "7"],
        };

        Assert.Equal(EvmNoCredit.NoTransfer, _match.Match(Call(Usdt), Receipt(1, nft)).NoCredit);
    }

    [Fact]
    public void A_log_removed_by_a_reorganisation_and_a_zero_value_transfer_credit_nothing()
    {
        var removed = Transfer(Usdt, Deposit, 7_000_000, logIndex: 0);
        removed.Removed = true;

        Assert.Equal(EvmNoCredit.NoTransfer, _match.Match(Call(Usdt), Receipt(1, removed)).NoCredit);
        Assert.Equal(EvmNoCredit.NoTransfer, _match.Match(Call(Usdt), Receipt(1, Transfer(Usdt, Deposit, 0, logIndex: 0))).NoCredit);
    }

    [Fact]
    public void Other_token_wins_over_other_address_when_nothing_credits()
    {
        var match = _match.Match(Call(Stranger), Receipt(1,
            Transfer(Usdt, Stranger, 1, logIndex: 0),
            Transfer(OtherToken, Deposit, 1, logIndex: 1)));

        Assert.Equal(EvmNoCredit.OtherToken, match.NoCredit);
    }

    [Fact]
    public void Eth_value_and_a_token_log_in_one_transaction_are_two_credits()
    {
        var match = _match.Match(Call(Deposit, 42), Receipt(1, Transfer(Usdc, Deposit2, 3_000_000, logIndex: 0)));

        Assert.Equal([new EvmCreditKey(Hash, null), new EvmCreditKey(Hash, 0)], match.Credits.Select(c => c.Key));
    }

    private static Transaction Call(EthereumAddress to, BigInteger? value = null) => new()
    {
        TransactionHash = Hash, From = Sender.Lower, To = to.Lower, Value = new HexBigInteger(value ?? BigInteger.Zero),
    };

    private static TransactionReceipt Receipt(int status, params FilterLog[] logs) => new()
    {
        TransactionHash = Hash, Status = new HexBigInteger(status), BlockNumber = new HexBigInteger(100), Logs = logs,
    };

    private static FilterLog Transfer(EthereumAddress token, EthereumAddress to, long amount, int logIndex) => new()
    {
        Address = token.Lower,
        LogIndex = new HexBigInteger(logIndex),
        TransactionHash = Hash,
        Topics = [TransferTopic, Topic(Sender), Topic(to)],
        Data = Amount(amount),
    };

    private static string Topic(EthereumAddress address) => "0x" + new string('0', 24) + address.Lower[2..];

    private static string Amount(long amount) => "0x" + amount.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
}
