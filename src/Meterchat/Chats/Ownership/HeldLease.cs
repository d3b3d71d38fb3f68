namespace Meterchat.Chats.Ownership;

/// <summary>A session lease this node holds: the session and the fencing token it was claimed with.</summary>
public readonly record struct HeldLease(Guid SessionId, long Token)
{
    /// <summary>Token 1 = the first claim ever; a higher token means the lease was taken from a node (or an earlier run of this one).</summary>
    public bool TakenOver => Token > 1;
}
