using Meterchat.Ledger;
using Meterchat.Web;

namespace Meterchat.Sellers;

/// <summary>The stable problem types of chat requests.</summary>
public static class ChatRequestProblems
{
    public static Problem RateChanged(int seen, int now) => new(409, "chat/rate-changed", "The rate changed",
        $"The seller's rate is now {now} tokens/min (you confirmed {seen}). Confirm the new rate to request.");

    public static Problem InsufficientBalance(Micros needed, Micros wallet) => new(402, "chat/insufficient-balance", "Not enough tokens",
        $"You need at least {needed.ToTokensString()} tokens (one minute at this rate); your wallet holds {wallet.ToTokensString()}. Top up {(needed - wallet).ToTokensString()} more tokens.");

    public static Problem Unavailable(string name, Presence presence) => new(409, "chat/seller-unavailable", "Seller unavailable",
        $"{name} is {SellerPresence.Name(presence)} and cannot take a request now.");

    public static Problem Ringing(string name) => new(409, "chat/seller-unavailable", "Seller unavailable",
        $"{name} is answering another request; try again in a moment.");

    public static Problem Blocked() => new(403, "chat/blocked", "Not allowed", "This seller does not take requests from you.");

    public static Problem Pending() => new(409, "chat/request-pending", "Request pending",
        "You already have a request ringing; wait for the answer or for it to expire.");

    public static Problem Self() => new(400, "chat/own-profile", "Not allowed", "You cannot request a chat with yourself.");

    public static Problem InvalidLimit(int rate) => new(400, "chat/invalid-limit", "Invalid spending limit",
        $"A spending limit must cover at least one minute ({rate} tokens).");

    public static Problem NotRinging() => new(409, "chat/not-ringing", "Request not ringing",
        "This request is no longer ringing (answered, expired or withdrawn).");

    public static Problem NoMatch() => new(404, "match/no-seller", "No seller available",
        "No online seller fits your maximum rate and tags right now. Try a higher rate or fewer tags.");
}
