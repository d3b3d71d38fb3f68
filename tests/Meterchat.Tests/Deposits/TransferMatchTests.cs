using Meterchat.Deposits.Matching;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;

namespace Meterchat.Tests.Deposits;

/// <summary>
/// Every outcome of the one deposit-matching rule. The transactions are real mainnet ones from ../shared/tron/vectors.json
/// (info-usdt-ledger-0130: 41.677389 USDT; e63a324a…: out of energy), re-shaped where a case needs another log.
/// </summary>
public sealed class TransferMatchTests
{
    private static readonly TronAddress Usdt = Trc20.MainnetUsdt;

    // info-usdt-ledger-0130: from 6e3b44…, to ec2031… (its deposit address here), 0x027bf24d = 41,677,389 µUSDT.
    private static readonly TronAddress Sender = TronAddress.FromHex("416e3b44b96104b26f84057974a1f0c9880f7c9b13");
    private static readonly TronAddress Buyer = TronAddress.FromHex("41ec20315a879c48f5e3a6a1c9826d5225f8b658b8");
    private static readonly TronAddress OtherBuyer = TronAddress.FromHex("415cd0fb0ab3ce40f3051414c604b27756e69e43db");
    private static readonly TronAddress FakeUsdt = TronAddress.FromHex("41a614f803b6fd780986a42c78ec9c7f77e6ded13d");

    private static string? BuyerOnly(TronAddress to) => to == Buyer ? "buyer" : null;

    [Fact]
    public void The_real_usdt_transfer_to_a_deposit_address_credits_its_log()
    {
        var match = TransferMatch.Of(Info("SUCCESS", Log(Usdt, Sender, Buyer, "027bf24d")), Usdt, BuyerOnly);

        Assert.Equal(TransferMatchReason.Credits, match.Reason);
        Assert.Equal(new MatchedTransfer(0, Buyer, "buyer", 41_677_389), Assert.Single(match.Transfers));
    }

    [Fact]
    public void Every_log_paying_a_known_address_credits_its_owner_and_keeps_its_log_index()
    {
        var owners = new Dictionary<TronAddress, string> { [Buyer] = "buyer", [OtherBuyer] = "other" };

        var match = TransferMatch.Of(
            Info("SUCCESS", Log(FakeUsdt, Sender, Buyer, "ff"), Log(Usdt, Sender, Buyer, "0f4240"), Log(Usdt, Sender, Sender, "01"), Log(Usdt, Sender, OtherBuyer, "1e8480")),
            Usdt,
            to => owners.GetValueOrDefault(to));

        Assert.Equal(TransferMatchReason.Credits, match.Reason);
        Assert.Equal([new MatchedTransfer(1, Buyer, "buyer", 1_000_000), new MatchedTransfer(3, OtherBuyer, "other", 2_000_000)], match.Transfers);
    }

    [Fact]
    public void A_plain_trx_transfer_ran_no_contract()
    {
        // tx-mainnet-trx-ledger-b0b6 style: a TransferContract has no receipt result and no logs.
        var match = TransferMatch.Of(Info(null), Usdt, BuyerOnly);

        Assert.Equal(TransferMatchReason.NoContractCall, match.Reason);
        Assert.Empty(match.Transfers);
    }

    [Theory]
    [InlineData("OUT_OF_ENERGY", "FAILED")] // the real e63a324a…: ran out of energy, no log
    [InlineData("REVERT", null)]
    [InlineData("SUCCESS", "FAILED")]
    [InlineData(null, "FAILED")]
    public void A_failed_transaction_credits_nothing_even_with_a_transfer_log(string? receipt, string? result)
    {
        var match = TransferMatch.Of(Info(receipt, result, Log(Usdt, Sender, Buyer, "027bf24d")), Usdt, BuyerOnly);

        Assert.Equal(TransferMatchReason.Failed, match.Reason);
        Assert.Empty(match.Transfers);
    }

    [Fact]
    public void A_contract_call_without_a_transfer_log_is_no_usdt_transfer()
    {
        // Approval(owner, spender, value): another event of the same contract; and a 4-topic (ERC721-shaped) Transfer.
        var approval = new EventLog(Usdt, ["8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925", Word(Sender), Word(Buyer)], Amount("027bf24d"));
        var nft = new EventLog(Usdt, [TransferLog.Topic0Hex, Word(Sender), Word(Buyer), Amount("01")], "");

        var match = TransferMatch.Of(Info("SUCCESS", approval, nft), Usdt, BuyerOnly);

        Assert.Equal(TransferMatchReason.NoUsdtTransfer, match.Reason);
    }

    [Fact]
    public void A_transfer_emitted_by_another_contract_is_another_token_however_it_is_named()
    {
        var match = TransferMatch.Of(Info("SUCCESS", Log(FakeUsdt, Sender, Buyer, "027bf24d")), Usdt, BuyerOnly);

        Assert.Equal(TransferMatchReason.OtherToken, match.Reason);
        Assert.Empty(match.Transfers);
    }

    [Fact]
    public void Usdt_paid_to_an_address_nobody_deposits_to_is_another_address()
    {
        // The real transfer, asked for by a claimant whose address is not its recipient.
        var match = TransferMatch.Of(Info("SUCCESS", Log(Usdt, Sender, Buyer, "027bf24d")), Usdt, to => to == OtherBuyer ? "other" : null);

        Assert.Equal(TransferMatchReason.OtherAddress, match.Reason);
        Assert.Empty(match.Transfers);
    }

    [Fact]
    public void A_usdt_transfer_beside_another_tokens_transfer_is_judged_by_the_usdt_one()
    {
        var match = TransferMatch.Of(Info("SUCCESS", Log(FakeUsdt, Sender, Buyer, "ff"), Log(Usdt, Sender, Sender, "01")), Usdt, BuyerOnly);

        Assert.Equal(TransferMatchReason.OtherAddress, match.Reason);
    }

    [Fact]
    public void A_zero_transfer_to_a_deposit_address_credits_nothing()
    {
        var match = TransferMatch.Of(Info("SUCCESS", Log(Usdt, Sender, Buyer, "00")), Usdt, BuyerOnly);

        Assert.Equal(TransferMatchReason.ZeroAmount, match.Reason);
        Assert.Empty(match.Transfers);
    }

    [Fact]
    public void An_amount_beyond_64_bits_credits_nothing()
    {
        var match = TransferMatch.Of(Info("SUCCESS", Log(Usdt, Sender, Buyer, "010000000000000000")), Usdt, BuyerOnly);

        Assert.Equal(TransferMatchReason.AmountTooLarge, match.Reason);
        Assert.Empty(match.Transfers);
    }

    [Fact]
    public void One_usable_transfer_credits_even_beside_a_zero_one()
    {
        var match = TransferMatch.Of(Info("SUCCESS", Log(Usdt, Sender, Buyer, "00"), Log(Usdt, Sender, Buyer, "0f4240")), Usdt, BuyerOnly);

        Assert.Equal(TransferMatchReason.Credits, match.Reason);
        Assert.Equal(1, Assert.Single(match.Transfers).LogIndex);
    }

    private static TransactionInfo Info(string? receipt, params EventLog[] logs) => Info(receipt, receipt is null or "SUCCESS" ? null : "FAILED", logs);

    private static TransactionInfo Info(string? receipt, string? result, params EventLog[] logs) => new(
        "0130dfde9281a48378109039ef512229d5359fbee2a8adbb17ad73aebc67ea99",
        69_316_562,
        DateTimeOffset.FromUnixTimeMilliseconds(1_738_601_505_000),
        26_420_100,
        receipt is null ? null : Usdt,
        new ResourceReceipt(receipt, 4_475, 26_420_100, 0, 130_285, 100_635, 345, 0),
        logs,
        [],
        result,
        null);

    private static EventLog Log(TronAddress contract, TronAddress from, TronAddress to, string amountHex) =>
        new(contract, [TransferLog.Topic0Hex, Word(from), Word(to)], Amount(amountHex));

    private static string Word(TronAddress address) => new string('0', 24) + Hex.ToHex(address.Last20);

    private static string Amount(string hex) => hex.PadLeft(64, '0');
}
