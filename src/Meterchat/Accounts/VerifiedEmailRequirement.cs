using Microsoft.AspNetCore.Authorization;

namespace Meterchat.Accounts;

/// <summary>The user's email is verified and the user is not banned (checked against the database, not the token).</summary>
public sealed class VerifiedEmailRequirement : IAuthorizationRequirement;
