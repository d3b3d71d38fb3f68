using System.Globalization;
using Meterchat.Ledger;

namespace Meterchat.Chats.Live;

/// <summary>
/// The words a receipt uses for people: a sentence per end reason as the viewer (buyer or seller) reads it, counts
/// with the right plural ("1 token", "2 tokens"), durations and percentages. Amounts stay µUSDT until here.
/// </summary>
public static class ReceiptWords
{
    /// <summary>"1 token", "0 tokens", "22.5 tokens".</summary>
    public static string Tokens(Micros amount)
    {
        var text = amount.ToTokensString();
        return text == "1" ? "1 token" : $"{text} tokens";
    }

    /// <summary>"4.50 USDT".</summary>
    public static string Usdt(Micros amount) => $"{amount.ToUsdtString()} USDT";

    /// <summary>"1 pause", "3 pauses".</summary>
    public static string Count(long n, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");

    /// <summary>"45 s", "2 min 05 s", "1 h 02 min".</summary>
    public static string Duration(TimeSpan time)
    {
        var seconds = (long)Math.Max(0, Math.Floor(time.TotalSeconds));
        return seconds switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds} s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} min {seconds % 60:00} s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600} h {seconds / 60 % 60:00} min"),
        };
    }

    /// <summary>Basis points as a percentage without floating point: 2500 → "25 %", 1250 → "12.5 %".</summary>
    public static string Percent(int basisPoints)
    {
        var whole = basisPoints / 100;
        var fraction = (basisPoints % 100).ToString("00", CultureInfo.InvariantCulture).TrimEnd('0');
        return fraction.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{whole} %")
            : string.Create(CultureInfo.InvariantCulture, $"{whole}.{fraction} %");
    }

    /// <summary>A stored name read as words for staff pages: "BuyerLeft" → "Buyer left", "TechnicalProblem" → "Technical problem".</summary>
    public static string Plain(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }

        var words = new System.Text.StringBuilder(name.Length + 4).Append(name[0]);
        for (var i = 1; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                words.Append(name[i]);
            }
        }

        return words.ToString();
    }

    /// <summary>Why the chat ended, as the viewer reads it; <paramref name="other"/> names the other party.</summary>
    public static string Ended(ChatState state, EndReason? reason, Party viewer, string other)
    {
        var buyer = viewer == Party.Buyer;
        var sentence = (reason ?? ReasonOf(state)) switch
        {
            EndReason.Declined => buyer ? $"{other} declined your request" : "You declined the request",
            EndReason.Expired => buyer ? $"{other} did not answer in time" : "The request expired before you answered",
            EndReason.ConnectFailed => "The video never connected, so the chat did not start; nothing was charged",
            EndReason.BuyerLeft => buyer ? "You ended the chat" : $"{other} ended the chat",
            EndReason.SellerLeft => buyer ? $"{other} ended the chat" : "You ended the chat",
            EndReason.ConnectionLost => "The connection was lost",
            EndReason.BalanceExhausted => buyer ? "Your balance ran out" : $"{other}'s balance ran out",
            EndReason.SpendingLimitReached => buyer ? "Your spending limit for this chat was reached" : $"{other}'s spending limit for this chat was reached",
            EndReason.Banned => "A moderator closed this chat: an account in it was banned",
            EndReason.Blocked => buyer ? $"{other} blocked you, which ended the chat" : $"You blocked {other}, which ended the chat",
            EndReason.BillingFault => "A billing fault on our side ended the chat; the admins were told",
            _ => "The chat is over",
        };
        return string.Concat(char.ToUpperInvariant(sentence[0]).ToString(), sentence[1..]);
    }

    /// <summary>What became of the money, as the viewer reads it: the refund is the outcome of a refunded chat.</summary>
    public static string Outcome(Party viewer, long units, Micros charged, Micros sellerShare, Micros refund)
    {
        var buyer = viewer == Party.Buyer;
        if (refund.IsPositive)
        {
            var whole = refund >= charged;
            return buyer
                ? whole ? $"Refunded in full: {Tokens(refund)} went back to your wallet" : $"{Tokens(refund)} went back to your wallet"
                : whole ? "Refunded to the buyer in full: you keep nothing from this chat" : $"{Tokens(refund)} was refunded to the buyer";
        }

        if (units == 0)
        {
            return buyer ? "Nothing was charged" : "Nothing was earned";
        }

        return buyer ? $"You paid {Tokens(charged)} ({Usdt(charged)})" : $"You earned {Tokens(sellerShare)} ({Usdt(sellerShare)})";
    }

    private static EndReason? ReasonOf(ChatState state) => state switch
    {
        ChatState.Declined => EndReason.Declined,
        ChatState.Expired => EndReason.Expired,
        ChatState.Failed => EndReason.ConnectFailed,
        _ => null,
    };
}
