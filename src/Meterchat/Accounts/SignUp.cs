using Meterchat.Data;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary>
/// Creates an account: email, password and an explicit 18+ confirmation; every user is a buyer.
/// The verification mail goes out at once; money features wait for it (<see cref="AccountPolicies.VerifiedEmail"/>).
/// An address that already has an account gets the same answer ("check your email") and its owner a mail, so sign-up
/// cannot be used to find out who is a member.
/// </summary>
public sealed class SignUp(UserManager<AppUser> users, EmailVerification verification, AccountMailQueue queue, TimeProvider time, ILogger<SignUp> logger)
{
    public const string CheckEmailDetail = "Check your email: we sent you a mail to go on.";

    public async Task<SignUpResult> RunAsync(SignUpRequest request)
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
                queue.Enqueue(AccountMailKind.SignUpWithTakenEmail, email);
                return new SignUpResult(null, Accepted: true);
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
        await verification.SendAsync(user);
        return new SignUpResult(user, Accepted: true);
    }

    private static SignUpResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(null, AuthProblems.InvalidSignUp, "Check the highlighted fields.", errors);
}
