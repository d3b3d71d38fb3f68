namespace Meterchat.Accounts;

/// <summary>What the API tells a signed-in user about their own account (GET /api/auth/me).</summary>
public sealed record AccountSummary(
    string Id,
    string Email,
    bool EmailConfirmed,
    bool TwoFactorEnabled,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt);
