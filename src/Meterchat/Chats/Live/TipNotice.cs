namespace Meterchat.Chats.Live;

/// <summary>What the seller's chat page is pushed when a tip lands.</summary>
public sealed record TipNotice(Guid SessionId, long AmountMicros, string AmountTokens, long SellerShareMicros, string SellerShareTokens, DateTimeOffset At);
