namespace Meterchat.Reserves;

/// <summary>Proof of reserves settings (<c>Reserves:*</c>).</summary>
public sealed class ReservesOptions
{
    public const string Section = "Reserves";

    /// <summary>How often the snapshot job publishes a snapshot; an admin can take one at any time.</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>False: no scheduled snapshots (the admin button and endpoint still work).</summary>
    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>How many snapshots the public page and API list.</summary>
    public int HistoryLength { get; set; } = 48;
}
