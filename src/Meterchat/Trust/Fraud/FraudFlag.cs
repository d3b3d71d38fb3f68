namespace Meterchat.Trust.Fraud;

/// <summary>A rule fired for a user: while not cleared, the user's withdrawals go to manual review.</summary>
public sealed class FraudFlag
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>One of <see cref="FraudRules"/>.</summary>
    public required string Rule { get; set; }

    /// <summary>What the flag is about (the other account, the IP, the deposit); a rule raises one flag per key, ever.</summary>
    public required string Key { get; set; }

    /// <summary>The facts that fired the rule, as JSON the admin user page shows.</summary>
    public required string Evidence { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset? ClearedAt { get; set; }

    public string? ClearedBy { get; set; }

    public string? ClearReason { get; set; }
}
