namespace Meterchat.Chats.Ownership;

/// <summary>
/// Which node drives a session's clock, until when. <see cref="Token"/> grows at every claim (the fencing token):
/// a node writes a session's events only while the row still names it with the token it claimed.
/// </summary>
public sealed class SessionLease
{
    public Guid SessionId { get; set; }

    public required string NodeId { get; set; }

    /// <summary>Unix milliseconds (comparable in SQL on both providers).</summary>
    public long ExpiresAt { get; set; }

    public long Token { get; set; }
}
