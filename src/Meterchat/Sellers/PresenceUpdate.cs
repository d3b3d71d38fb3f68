namespace Meterchat.Sellers;

public sealed record PresenceUpdate(string SellerId, string Presence);
