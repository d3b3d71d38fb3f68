namespace Meterchat.Accounts;

/// <summary>What a sign-up did: the new user, or a problem type with its detail (and field errors).</summary>
public sealed record SignUpResult(
    AppUser? User,
    string? ProblemType = null,
    string? Detail = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => User is not null;
}
