using Meterchat.Data;

namespace Meterchat.Accounts;

/// <summary>
/// What a sign-up did: accepted (a new user, or none when the address was taken: the caller must not tell the two
/// apart), or a problem type with its detail (and field errors).
/// </summary>
public sealed record SignUpResult(
    AppUser? User,
    string? ProblemType = null,
    string? Detail = null,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    bool Accepted = false);
