namespace Meterchat.Chats.Store;

/// <summary>
/// What the store last wrote to one session's row (its version, event count and chain head), kept with the session in
/// memory so that its next append updates the row without reading it first: on the clock's hot path that read was a
/// round trip per tick with the gate held. The update's version check still catches any writer that got there
/// meanwhile (every writer of the row bumps the version), and the append then reads the rows as if nothing were known.
/// Touched only by the session's one writer (the clock's gate).
/// </summary>
public sealed class StoredHead
{
    internal bool Known { get; private set; }

    internal int Version { get; private set; }

    internal int EventCount { get; private set; }

    internal string? ChainHead { get; private set; }

    /// <summary>Whether this describes the stored row of an append that starts at <paramref name="storedCount"/>.</summary>
    internal bool Covers(int storedCount) => Known && EventCount == storedCount;

    /// <summary>The row as written (after its commit).</summary>
    internal void Set(ChatSessionRow row) => (Known, Version, EventCount, ChainHead) = (true, row.Version, row.EventCount, row.ChainHead);

    /// <summary>Only what <see cref="ChatSessionStore"/> writes back: the fields its update sets or checks.</summary>
    internal ChatSessionRow ToRow(Guid id) => new()
    {
        Id = id,
        BuyerId = string.Empty,
        SellerId = string.Empty,
        Version = Version,
        EventCount = EventCount,
        ChainHead = ChainHead,
    };
}
