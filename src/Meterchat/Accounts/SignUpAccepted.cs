namespace Meterchat.Accounts;

/// <summary>Answer of POST /api/auth/signup: the same whether the address was new or already had an account.</summary>
public sealed record SignUpAccepted(string Detail);
