namespace Meterchat.Accounts;

/// <summary>Body of POST /api/auth/signup. <see cref="ConfirmAdult"/> must be true: the person is 18 or older.</summary>
public sealed record SignUpRequest(string? Email, string? Password, bool ConfirmAdult);
