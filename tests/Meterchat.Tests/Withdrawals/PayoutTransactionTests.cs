using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;
using Meterchat.Withdrawals;

namespace Meterchat.Tests.Withdrawals;

public sealed class PayoutTransactionTests : IDisposable
{
    private static readonly TronAddress Usdt = Trc20.MainnetUsdt;
    private static readonly NodeBlock Head = new(1_000, "00000000000003e8" + new string('a', 48), DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
    private readonly HotWallet _wallet = new(TronKey.Generate(), generated: false);
    private readonly TronKey _recipient = TronKey.Generate();

    public void Dispose()
    {
        _wallet.Dispose();
        _recipient.Dispose();
    }

    [Fact]
    public void Built_payout_pays_the_net_amount_to_the_recipient_signed_by_the_hot_wallet()
    {
        var w = Payout(8_500_000);

        var signed = PayoutTransaction.Build(w, Head, Usdt, _wallet, 1_700_000_000_500, 60_000, 50_000_000);

        var call = Assert.IsType<TriggerSmartContract>(signed.Raw.Contract);
        Assert.Equal((_wallet.Address, Usdt, 0L), (call.Owner, call.ContractAddress, call.CallValue));
        Assert.Equal((_recipient.Address, new System.Numerics.BigInteger(8_500_000)), Trc20.DecodeTransfer(call.Data));
        Assert.Equal(1_700_000_060_000, signed.Raw.Expiration);
        Assert.Equal(50_000_000, signed.Raw.FeeLimit);
        Assert.Equal(_wallet.Address, signed.RecoverSigner());
        Assert.Equal(Head.ToTapos(), new Tapos(signed.Raw.RefBlockBytes, signed.Raw.RefBlockHash));
    }

    [Fact]
    public void Check_refuses_bytes_that_pay_another_amount_recipient_or_token()
    {
        var w = Payout(8_500_000);
        var other = TronKey.Generate().Address;

        Assert.Throws<InvalidOperationException>(() => Check(w, Raw(_recipient.Address, 8_500_001, Usdt)));
        Assert.Throws<InvalidOperationException>(() => Check(w, Raw(other, 8_500_000, Usdt)));
        Assert.Throws<InvalidOperationException>(() => Check(w, Raw(_recipient.Address, 8_500_000, other)));
        Assert.Throws<InvalidOperationException>(() => Check(w, TransactionRaw.Create(Head.ToTapos(), 1, 0, 50_000_000, new TransferContract(_wallet.Address, _recipient.Address, 8_500_000))));
        Check(w, Raw(_recipient.Address, 8_500_000, Usdt)); // the intended one passes
    }

    private void Check(Withdrawal w, TransactionRaw raw) => PayoutTransaction.Check(raw.Encode(), w, Usdt, _wallet.Address, 50_000_000, 1);

    private TransactionRaw Raw(TronAddress to, ulong amount, TronAddress token) =>
        TransactionRaw.Create(Head.ToTapos(), 1, 0, 50_000_000, new TriggerSmartContract(_wallet.Address, token, 0, Trc20.EncodeTransfer(to, amount)));

    private Withdrawal Payout(long net) => new() { Id = 7, UserId = "u", ToAddress = _recipient.Address.ToBase58(), Net = net, Amount = net + 1_500_000 };
}
