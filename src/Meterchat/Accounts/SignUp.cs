using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary>
/// Creates an account: email, password and an explicit 18+ confirmation; every user is a buyer.
/// The verification mail goes out at once; money features wait for it (<see cref="AccountPolicies.VerifiedEmail"/>).
/// </summary>
public sealed class SignUp(UserManager<AppUser> users, EmailVerification verification, TimeProvider time, ILogger<SignUp> logger)
{
    public async Task<SignUpResult> RunAsync(SignUpRequest request, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.ConfirmAdult)
        {
            return new SignUpResult(null, AuthProblems.NotAdult, AuthProblems.NotAdultDetail);
        }

        var email = request.Email?.Trim() ?? "";
        if (email.Length == 0 || string.IsNullOrEmpty(request.Password))
        {
            return Invalid(new Dictionary<string, string[]>
            {
                ["email"] = email.Length == 0 ? ["Enter your email address."] : [],
                ["password"] = string.IsNullOrEmpty(request.Password) ? ["Choose a password."] : [],
            }.Where(e => e.Value.Length > 0).ToDictionary());
        }

        var now = time.GetUtcNow();
        var user = new AppUser { UserName = email, Email = email, CreatedAt = now, AdultConfirmedAt = now };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                return new SignUpResult(null, AuthProblems.EmailTaken, "An account with this email already exists. Sign in instead.");
            }

            return Invalid(created.Errors
                .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }

        var role = await users.AddToRoleAsync(user, Roles.Buyer);
        if (!role.Succeeded)
        {
            throw new InvalidOperationException($"Could not give the buyer role: {string.Join(" ", role.Errors.Select(e => e.Description))}");
        }

        logger.LogInformation("User {UserId} signed up", user.Id);
        await verification.SendAsync(user, context);
        return new SignUpResult(user);
    }

    private static SignUpResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(null, AuthProblems.InvalidSignUp, "Check the highlighted fields.", errors);
}
