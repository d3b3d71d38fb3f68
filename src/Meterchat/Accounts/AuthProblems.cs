using Meterchat.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meterchat.Accounts;

/// <summary>The stable problem types of the accounts feature (RFC 7807 <c>type</c>); the UI shows <c>detail</c>.</summary>
public static class AuthProblems
{
    public const string NotAdult = "auth/not-adult";
    public const string EmailTaken = "auth/email-taken";
    public const string InvalidSignUp = "auth/invalid-signup";
    public const string InvalidCredentials = "auth/invalid-credentials";
    public const string LockedOut = "auth/locked-out";
    public const string Banned = "auth/banned";
    public const string TwoFactorRequired = "auth/two-factor-required";
    public const string TooManyAttempts = "auth/too-many-attempts";
    public const string EmailNotVerified = "auth/email-not-verified";
    public const string UseSignUp = "auth/use-signup";
    public const string StepUpRequired = "auth/step-up-required";
    public const string StepUpFailed = "auth/step-up-failed";
    public const string InvalidRequest = "auth/invalid-request";
    public const string InvalidRefreshToken = "auth/invalid-refresh-token";

    public const string NotAdultDetail = "Meterchat is for adults only: confirm that you are 18 or older to sign up.";
    public const string BannedDetail = "This account is banned and cannot sign in.";
    public const string TooManyAttemptsDetail = "Too many attempts from your network. Wait a minute and try again.";
    public const string EmailNotVerifiedDetail = "Verify your email address first: open the link we sent you (you can ask for a new one on your account page).";

    public static string LockedOutDetail(int minutes) =>
        $"Too many failed sign-ins: this account is locked for up to {minutes} minutes. Try again later.";

    public static ProblemHttpResult Problem(string type, int status, string title, string detail) =>
        new Problem(status, type, title, detail).ToResult();
}
