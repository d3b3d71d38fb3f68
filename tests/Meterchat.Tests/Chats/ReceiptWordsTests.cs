using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Ledger;

namespace Meterchat.Tests.Chats;

public class ReceiptWordsTests
{
    [Theory]
    [InlineData(10_000, "1 token")]
    [InlineData(0, "0 tokens")]
    [InlineData(20_000, "2 tokens")]
    [InlineData(225_000, "22.5 tokens")]
    [InlineData(10_100, "1.01 tokens")]
    public void Tokens_use_the_singular_only_for_exactly_one(long micros, string expected) =>
        Assert.Equal(expected, ReceiptWords.Tokens(new Micros(micros)));

    [Theory]
    [InlineData(1, "1 pause")]
    [InlineData(0, "0 pauses")]
    [InlineData(3, "3 pauses")]
    public void Counts_follow_the_plural_rule(long n, string expected) => Assert.Equal(expected, ReceiptWords.Count(n, "pause", "pauses"));

    [Theory]
    [InlineData("BuyerLeft", "Buyer left")]
    [InlineData("TechnicalProblem", "Technical problem")]
    [InlineData("Ended", "Ended")]
    [InlineData(null, "")]
    public void Stored_names_read_as_words_on_staff_pages(string? name, string expected) => Assert.Equal(expected, ReceiptWords.Plain(name));

    [Theory]
    [InlineData(2500, "25 %")]
    [InlineData(1250, "12.5 %")]
    [InlineData(1234, "12.34 %")]
    [InlineData(0, "0 %")]
    public void Basis_points_read_as_a_percentage(int bps, string expected) => Assert.Equal(expected, ReceiptWords.Percent(bps));

    [Theory]
    [InlineData(45, "45 s")]
    [InlineData(125, "2 min 05 s")]
    [InlineData(3720, "1 h 02 min")]
    public void Durations_read_in_minutes_and_seconds(int seconds, string expected) =>
        Assert.Equal(expected, ReceiptWords.Duration(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(EndReason.BuyerLeft, Party.Buyer, "You ended the chat")]
    [InlineData(EndReason.BuyerLeft, Party.Seller, "Anna ended the chat")]
    [InlineData(EndReason.SellerLeft, Party.Buyer, "Anna ended the chat")]
    [InlineData(EndReason.SellerLeft, Party.Seller, "You ended the chat")]
    [InlineData(EndReason.SpendingLimitReached, Party.Buyer, "Your spending limit for this chat was reached")]
    [InlineData(EndReason.BalanceExhausted, Party.Buyer, "Your balance ran out")]
    [InlineData(EndReason.BalanceExhausted, Party.Seller, "Anna's balance ran out")]
    [InlineData(EndReason.ConnectionLost, Party.Buyer, "The connection was lost")]
    [InlineData(EndReason.Blocked, Party.Buyer, "Anna blocked you, which ended the chat")]
    [InlineData(EndReason.Blocked, Party.Seller, "You blocked Anna, which ended the chat")]
    [InlineData(EndReason.Declined, Party.Buyer, "Anna declined your request")]
    public void The_end_reason_is_a_sentence_for_the_viewer(EndReason reason, Party viewer, string expected) =>
        Assert.Equal(expected, ReceiptWords.Ended(ChatState.Ended, reason, viewer, "Anna"));

    [Fact]
    public void Every_end_reason_has_a_sentence_for_both_parties_and_none_shows_the_enum_name()
    {
        foreach (var reason in Enum.GetValues<EndReason>())
        {
            foreach (var viewer in Enum.GetValues<Party>())
            {
                var sentence = ReceiptWords.Ended(ChatState.Ended, reason, viewer, "Anna");
                Assert.NotEqual("The chat is over", sentence);
                Assert.DoesNotContain(reason.ToString(), sentence, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_sentence_starts_with_a_capital_when_the_other_party_has_no_name() =>
        Assert.Equal("The seller ended the chat", ReceiptWords.Ended(ChatState.Ended, EndReason.SellerLeft, Party.Buyer, "the seller"));

    [Fact]
    public void A_failed_session_without_a_reason_reads_from_its_state() =>
        Assert.StartsWith("The video never connected", ReceiptWords.Ended(ChatState.Failed, null, Party.Buyer, "Anna"), StringComparison.Ordinal);

    [Fact]
    public void A_refunded_chat_reads_as_the_refund_not_as_kept_charges()
    {
        var charged = new Micros(40_000);
        Assert.Equal("Refunded in full: 4 tokens went back to your wallet", ReceiptWords.Outcome(Party.Buyer, 2, charged, new Micros(30_000), charged));
        Assert.Equal("Refunded to the buyer in full: you keep nothing from this chat", ReceiptWords.Outcome(Party.Seller, 2, charged, new Micros(30_000), charged));
    }

    [Fact]
    public void A_kept_chat_reads_as_what_was_paid_or_earned()
    {
        Assert.Equal("You paid 1 token (0.01 USDT)", ReceiptWords.Outcome(Party.Buyer, 5, new Micros(10_000), new Micros(7_500), Micros.Zero));
        Assert.Equal("You earned 0.75 tokens (0.0075 USDT)", ReceiptWords.Outcome(Party.Seller, 5, new Micros(10_000), new Micros(7_500), Micros.Zero));
        Assert.Equal("Nothing was charged", ReceiptWords.Outcome(Party.Buyer, 0, Micros.Zero, Micros.Zero, Micros.Zero));
    }
}
