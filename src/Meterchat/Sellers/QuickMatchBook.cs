using System.Collections.Concurrent;

namespace Meterchat.Sellers;

/// <summary>Which ringing sessions belong to a quick match (in memory: a restart turns them into plain requests).</summary>
public sealed class QuickMatchBook
{
    private readonly ConcurrentDictionary<Guid, QuickMatch> _bySession = new();

    public void Add(Guid sessionId, QuickMatch match) => _bySession[sessionId] = match;

    public QuickMatch? Forget(Guid sessionId) => _bySession.TryRemove(sessionId, out var match) ? match : null;
}
