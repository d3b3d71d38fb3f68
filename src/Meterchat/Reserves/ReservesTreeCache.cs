namespace Meterchat.Reserves;

/// <summary>
/// The tree of the snapshot last proved from, so a burst of users downloading proofs after a snapshot rebuilds it once
/// rather than once per request. Holds one tree: memory stays bounded whatever the history length.
/// </summary>
public sealed class ReservesTreeCache
{
    private readonly Lock _lock = new();
    private (long SnapshotId, MerkleSumTree Tree)? _current;

    public MerkleSumTree? Get(long snapshotId)
    {
        lock (_lock)
        {
            return _current is { } c && c.SnapshotId == snapshotId ? c.Tree : null;
        }
    }

    public void Put(long snapshotId, MerkleSumTree tree)
    {
        lock (_lock)
        {
            _current = (snapshotId, tree);
        }
    }
}
