namespace Meterchat.Reserves;

/// <summary>What taking a snapshot came to: the published snapshot, or a refusal (problem type and detail).</summary>
public sealed record SnapshotOutcome(SnapshotView? Snapshot, string? Problem, string? Detail)
{
    public static SnapshotOutcome Refused(string problem, string detail) => new(null, problem, detail);
}
