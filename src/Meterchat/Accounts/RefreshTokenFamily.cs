namespace Meterchat.Accounts;

/// <summary>
/// The refresh tokens descended from one sign-in. Only the newest is valid: presenting an older one means a copy
/// is in other hands, so the whole family is revoked (OAuth 2.0 Security BCP, refresh token rotation).
/// </summary>
public sealed class RefreshTokenFamily
{
    public required string Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>The id carried by the one refresh token of this family that may still be used.</summary>
    public required string CurrentTokenId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
