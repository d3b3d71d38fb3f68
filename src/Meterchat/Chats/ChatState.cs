namespace Meterchat.Chats;

/// <summary>
/// Where a chat session stands. Only Live bills. Ended, Declined, Expired and Failed are terminal.
/// </summary>
public enum ChatState
{
    /// <summary>The buyer asked; the seller's page rings.</summary>
    Requested,

    /// <summary>The seller accepted; nobody has joined the call yet.</summary>
    Accepted,

    /// <summary>At least one party joined; media is not yet flowing both ways.</summary>
    Connecting,

    /// <summary>Both parties' media is live: the meter runs.</summary>
    Live,

    /// <summary>A drop (or a server restart) stopped the meter; the reconnect grace runs.</summary>
    Paused,

    /// <summary>Over, for the reason in <see cref="ChatSession.EndReason"/>.</summary>
    Ended,

    /// <summary>The seller said no.</summary>
    Declined,

    /// <summary>The seller did not answer in time.</summary>
    Expired,

    /// <summary>Accepted, but the media never came up before the connect timeout; nothing was billed.</summary>
    Failed,
}
