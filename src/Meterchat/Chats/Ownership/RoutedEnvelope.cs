namespace Meterchat.Chats.Ownership;

/// <summary>A session event on its way between nodes: the event in its stored JSON form and how many nodes it went through.</summary>
public sealed record RoutedEnvelope(Guid SessionId, string Event, int Hops);
