namespace Meterchat.Reserves;

/// <summary>
/// The outcome of checking a proof: the root and total the path leads to, and when it fails, why and at which step
/// (<see cref="Step"/> is 1-based along the path; null when the failure is not at one step).
/// </summary>
public sealed record ProofVerification(bool Passed, string? ComputedRoot, long? ComputedTotal, string? Failure, int? Step)
{
    public static ProofVerification Fail(string failure, int? step = null, string? root = null, long? total = null) =>
        new(false, root, total, failure, step);
}
