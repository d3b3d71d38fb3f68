using System.Text.RegularExpressions;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Meterchat.Ledger;
using Meterchat.Web;
using Microsoft.Extensions.Options;

namespace Meterchat.Trust.Tips;

/// <summary>
/// A buyer's tip to the seller of a session, while it is live or paused or within the window after it ended: one
/// transfer (key <c>tip:{session}:{clientKey}</c>, kind Tip) from the buyer's wallet to the seller's earnings and the
/// platform's revenue, split at the session's frozen commission (platform share rounded down, as for units).
/// </summary>
public sealed partial class Tips(IChatSessions sessions, ILedger ledger, ChatNotifier notifier, BalancePush push, TimeProvider time, IOptions<TrustOptions> options)
{
    public const int MaxClientKey = 64;

    public static string TransferKey(Guid sessionId, string clientKey) => $"tip:{sessionId}:{clientKey}";

    /// <summary>How a tip of this amount divides, or the problem with the amount.</summary>
    public async Task<Outcome<TipQuote>> QuoteAsync(string userId, Guid sessionId, string? tokens, CancellationToken ct)
    {
        var (row, problem) = await TippableAsync(userId, sessionId, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (ParseAmount(tokens) is { Problem: { } bad })
        {
            return bad;
        }

        var split = UnitSplit.Of(ParseAmount(tokens).Value, row!.CommissionBasisPoints);
        return new TipQuote(MoneyJson.Of(split.Price), MoneyJson.Of(split.Seller), MoneyJson.Of(split.Platform), row.CommissionBasisPoints);
    }

    public async Task<Outcome<TipView>> TipAsync(string userId, Guid sessionId, TipInput input, CancellationToken ct)
    {
        var (row, problem) = await TippableAsync(userId, sessionId, ct);
        if (problem is not null)
        {
            return problem;
        }

        var amount = ParseAmount(input.Tokens);
        if (amount.Problem is { } bad)
        {
            return bad;
        }

        var clientKey = input.ClientKey?.Trim() ?? "";
        if (!ClientKeyPattern().IsMatch(clientKey))
        {
            return new Problem(400, "tip/bad-key", "Invalid client key", $"Send a clientKey of 1 to {MaxClientKey} letters, digits, '-' or '_' (a fresh one per tip).");
        }

        var split = UnitSplit.Of(amount.Value, row!.CommissionBasisPoints);
        var key = TransferKey(sessionId, clientKey);
        var legs = new List<Leg> { new(AccountRef.Wallet(row.BuyerId), -split.Price), new(AccountRef.Earnings(row.SellerId), split.Seller) };
        if (split.Platform.IsPositive)
        {
            legs.Add(new Leg(AccountRef.PlatformRevenue, split.Platform));
        }

        var result = await ledger.TransferAsync(new TransferRequest(key, TransferKind.Tip, legs, sessionId.ToString()), ct);
        switch (result.Status)
        {
            case TransferStatus.InsufficientFunds:
                return new Problem(409, "tip/insufficient-funds", "Not enough tokens", $"Your wallet does not hold {split.Price.ToTokensString()} tokens; top up first.");
            case TransferStatus.KeyConflict:
                return new Problem(409, "tip/key-reused", "Client key reused", "This client key was used for another tip; use a fresh key per tip.");
            case TransferStatus.Invalid:
                throw new InvalidOperationException($"Tip transfer {key} is invalid: {result.Problem}");
        }

        var now = time.GetUtcNow();
        if (result.Status == TransferStatus.Completed)
        {
            await notifier.TippedAsync(new TipNotice(sessionId, split.Price.Value, split.Price.ToTokensString(), split.Seller.Value, split.Seller.ToTokensString(), now));
            await push.ChangedAsync(row.BuyerId, row.SellerId);
        }

        return new TipView(sessionId, key, MoneyJson.Of(split.Price), MoneyJson.Of(split.Seller), MoneyJson.Of(split.Platform), result.Status == TransferStatus.Replayed);
    }

    private async Task<(ChatSessionRow? Row, Problem? Problem)> TippableAsync(string userId, Guid sessionId, CancellationToken ct)
    {
        var row = await sessions.FindAsync(sessionId, ct);
        if (row is null || (row.BuyerId != userId && row.SellerId != userId))
        {
            return (null, TrustProblems.ChatNotFound);
        }

        if (row.BuyerId != userId)
        {
            return (null, new Problem(403, "tip/buyer-only", "Only the buyer tips", "Only the buyer of a chat can tip its seller."));
        }

        var open = row.State is ChatState.Live or ChatState.Paused;
        var recent = row.State == ChatState.Ended && row.EndedAt is { } ended && time.GetUtcNow() - ended <= options.Value.TipWindow;
        return open || recent
            ? (row, null)
            : (null, new Problem(409, "tip/not-allowed", "Cannot tip this chat",
                $"A tip is possible while the chat is live or paused, or within {TrustOptions.Describe(options.Value.TipWindow)} after it ended."));
    }

    private Outcome<Micros> ParseAmount(string? tokens)
    {
        var o = options.Value;
        if (!Micros.TryParseTokens(tokens, out var amount, out var error))
        {
            return new Problem(400, "tip/bad-amount", "Invalid amount", error!);
        }

        return amount < Micros.FromTokens(o.MinTipTokens) || amount > Micros.FromTokens(o.MaxTipTokens)
            ? new Problem(400, "tip/bad-amount", "Invalid amount", $"A tip is {o.MinTipTokens} to {o.MaxTipTokens} tokens.")
            : amount;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ClientKeyPattern();
}
