namespace Meterchat.Chats.Store;

/// <summary>One event of a session's log, as JSON (the <see cref="ChatEvent"/> discriminators are the stored names).</summary>
public sealed class ChatEventRow
{
    public long Id { get; set; }

    public Guid SessionId { get; set; }

    /// <summary>0-based position in the session's log; unique per session.</summary>
    public int Seq { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Json { get; set; }

    /// <summary>
    /// SHA-256 chain hash of this event after the previous one (<see cref="Receipts.EventChain"/>), lowercase hex;
    /// null for events stored before logs were chained.
    /// </summary>
    public string? Hash { get; set; }
}
