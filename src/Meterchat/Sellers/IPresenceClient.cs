namespace Meterchat.Sellers;

/// <summary>What the server pushes to browse and seller pages. Only on a change: never on a timer.</summary>
public interface IPresenceClient
{
    /// <summary>A seller's presence changed (to everyone connected).</summary>
    Task PresenceChanged(PresenceUpdate update);

    /// <summary>A request rings on the seller's page.</summary>
    Task Ring(RingCard card);

    /// <summary>A ring stopped (accepted, declined, expired, blocked) — to the seller.</summary>
    Task RingEnded(RequestUpdate update);

    /// <summary>The buyer's request did not become a chat, or quick match rings someone else.</summary>
    Task RequestUpdated(RequestUpdate update);

    /// <summary>The seller accepted: both parties go to /chat/{sessionId}.</summary>
    Task ChatStarted(Guid sessionId);
}
