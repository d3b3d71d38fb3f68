using System.ComponentModel.DataAnnotations;

namespace Meterchat.Chats.Live;

/// <summary>The live side of chats (hub, clock, ICE), bound from the "Chat" section.</summary>
public sealed class ChatOptions
{
    public const string SectionName = "Chat";

    /// <summary>STUN/TURN servers handed to browsers. Dev default: none (loopback needs no STUN).</summary>
    public List<IceServer> IceServers { get; set; } = [];

    /// <summary>coturn's use-auth-secret; when set, TURN credentials are minted per session for <see cref="TurnUrls"/>.</summary>
    public string? TurnSecret { get; set; }

    public List<string> TurnUrls { get; set; } = [];

    /// <summary>Client (the clients' reports, default) or Relay (coturn's traffic through Redis; forces clients to relay).</summary>
    public Relay.EvidenceSource Evidence { get; set; } = Relay.EvidenceSource.Client;

    /// <summary>Relay mode: a party counts as flowing for this long after its last two-way relay delta.</summary>
    [Range(2, 300)]
    public int RelayWindowSeconds { get; set; } = 20;

    [Range(1, 1440)]
    public int TurnCredentialMinutes { get; set; } = 240;

    /// <summary>How often the meter clock looks for due work.</summary>
    [Range(10, 5000)]
    public int TickMilliseconds { get; set; } = 100;

    /// <summary>
    /// The most sessions one tick takes on; more due sessions wait for the next tick, which then runs at once. Bounds
    /// each tick's ledger batch and memory when the clock falls behind.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxTickSessions { get; set; } = 20_000;

    /// <summary>Sessions per store transaction when the clock stores a tick's events (a failed batch is retried next tick).</summary>
    [Range(1, 100_000)]
    public int AppendBatchSessions { get; set; } = 5_000;

    /// <summary>Whether the clock runs on its own; tests turn it off and call MeterClock.TickAsync.</summary>
    public bool RunClock { get; set; } = true;

    /// <summary>
    /// How many times in a row the clock tries a unit the ledger refuses for a fault of its own before billing stops and
    /// the session ends as BillingFault (one try per tick).
    /// </summary>
    [Range(1, 1000)]
    public int BillingAttempts { get; set; } = 5;

    /// <summary>A connection's media reports closer together than this are dropped (clients send one every 2 s).</summary>
    [Range(0, 10_000)]
    public int MinReportIntervalMilliseconds { get; set; } = 500;
}

/// <summary>One RTCIceServer as the browser wants it.</summary>
public sealed record IceServer(IReadOnlyList<string> Urls, string? Username = null, string? Credential = null);
