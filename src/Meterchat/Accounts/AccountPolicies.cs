namespace Meterchat.Accounts;

/// <summary>Authorisation policies other features put on their endpoints and pages.</summary>
public static class AccountPolicies
{
    /// <summary>Admin role only.</summary>
    public const string Admin = "admin";

    /// <summary>A signed-in, not banned user whose email is verified: required before any money moves.</summary>
    public const string VerifiedEmail = "verified-email";
}
