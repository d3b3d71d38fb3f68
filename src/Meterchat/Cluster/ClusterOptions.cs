using System.ComponentModel.DataAnnotations;

namespace Meterchat.Cluster;

/// <summary>Node identity and lease timing (section <c>Cluster</c>). Leases are on when <c>Redis:Connection</c> is set.</summary>
public sealed class ClusterOptions : IValidatableObject
{
    public const string Section = "Cluster";

    /// <summary>This node's name in the lease tables; empty = machine name, process id and a random suffix.</summary>
    [MaxLength(100)]
    public string? NodeId { get; set; }

    /// <summary>How long a lease lives without renewal: a dead node's sessions and workers wait at most this long.</summary>
    [Range(2, 600)]
    public int LeaseSeconds { get; set; } = 15;

    /// <summary>How often a node renews its leases (one statement) and looks for expired ones to take over.</summary>
    [Range(1, 300)]
    public int RenewSeconds { get; set; } = 5;

    /// <summary>At most this many expired session leases are taken over in one pass.</summary>
    [Range(1, 100_000)]
    public int TakeOverBatch { get; set; } = 500;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan Renew => TimeSpan.FromSeconds(RenewSeconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RenewSeconds * 2 > LeaseSeconds)
        {
            yield return new ValidationResult("Cluster:RenewSeconds must be at most half of Cluster:LeaseSeconds.", [nameof(RenewSeconds)]);
        }
    }
}
