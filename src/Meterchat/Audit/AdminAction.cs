namespace Meterchat.Audit;

/// <summary>
/// One row of the admin audit log: who did what to whom, when and why. Written in the same database
/// transaction as the action it records, so an action never happens without its row (PRODUCT.md §7).
/// </summary>
public sealed class AdminAction
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The admin's user id.</summary>
    public required string ActorId { get; set; }

    /// <summary>The admin's email at the time, so the log reads without joins and survives renames.</summary>
    public required string ActorEmail { get; set; }

    /// <summary>What was done, a stable dotted name: "user.ban", "dispute.decide", "settings.change" ...</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to: "user:ID", "dispute:ID", "setting:Meter:CommissionBasisPoints" ...</summary>
    public required string Target { get; set; }

    /// <summary>The admin's reason, as typed.</summary>
    public required string Reason { get; set; }

    /// <summary>Extra facts as compact JSON (old/new values, amounts), or null.</summary>
    public string? Details { get; set; }
}
