using Meterchat.Tron.Transactions;

namespace Meterchat.Tron.Tests.Transactions;

public class TransactionIdTests
{
    private const string Id = "17821228a79904c23bd35e566f320c2d43e6940c0d44bc8d70f257f3485459bb";

    [Theory]
    [InlineData(Id)]
    [InlineData("17821228A79904C23BD35E566F320C2D43E6940C0D44BC8D70F257F3485459BB")]
    [InlineData("0x" + Id)]
    [InlineData("  " + Id + "\n")]
    public void Pasted_txid_is_normalised(string text) => Assert.Equal(Id, TransactionId.Normalize(text));

    [Theory]
    [InlineData("", "empty")]
    [InlineData(null, "empty")]
    [InlineData("17821228a79904c23bd35e566f320c2d43e6940c0d44bc8d70f257f3485459b", "64 hex digits, this one has 63")]
    [InlineData(Id + "00", "this one has 66")]
    [InlineData("17821228a79904c23bd35e566f320c2d43e6940c0d44bc8d70f257f3485459bg", "'g' at position 63 is not a hex digit")]
    [InlineData("https://tronscan.org/#/transaction/" + Id, "64 hex digits")]
    public void Malformed_txid_is_refused_with_the_reason(string? text, string reason)
    {
        Assert.False(TransactionId.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        if (text is not null)
        {
            Assert.Contains(reason, Assert.Throws<FormatException>(() => TransactionId.Parse(text)).Message, StringComparison.Ordinal);
        }
    }
}
