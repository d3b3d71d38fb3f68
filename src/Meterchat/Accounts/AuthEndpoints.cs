using System.Security.Claims;
using Meterchat.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Meterchat.Accounts;

/// <summary>
/// The JSON API under /api/auth: Identity's endpoints (login, refresh, confirmEmail, manage/2fa, ...) for
/// scripts and bots, our sign-up with the 18+ rule, and /me. Identity's /register is shut: it has no 18+ field.
/// </summary>
internal static class AuthEndpoints
{
    private static readonly string[] RateLimited = ["/login", "/resetPassword"];

    // Identity's versions act on the token alone, answer differently for members, or build links from the Host header:
    // ours (mapped below) take their routes.
    private static readonly string[] Replaced = ["/refresh", "/forgotPassword", "/resendConfirmationEmail", "/manage/2fa", "POST /manage/info"];

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");

        auth.MapIdentityApi<AppUser>()
            .Add(ShapeIdentityEndpoint);
        auth.AddEndpointFilter(NameIdentityProblemsAsync);

        auth.MapPost("/signup", SignUpAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AuthRateLimitPolicy.Name)
            .WithSummary("Create an account (email, password, confirmAdult: true). Sends the verification mail.");

        auth.MapGet("/me", MeAsync)
            .WithSummary("The signed-in user's own account.");

        auth.MapPost("/refresh", RefreshAsync)
            .AllowAnonymous()
            .RequireRateLimiting(AuthRateLimitPolicy.Name)
            .WithSummary("New tokens for a refresh token. Each refresh token works once; a reused one ends its whole sign-in.");
        auth.MapPost("/forgotPassword", (ForgotPasswordRequest request, AccountMailQueue queue) =>
            {
                queue.Enqueue(AccountMailKind.PasswordResetCode, request.Email);
                return TypedResults.Ok();
            })
            .AllowAnonymous()
            .RequireRateLimiting(AuthRateLimitPolicy.Name)
            .WithSummary("Mails a reset code to a verified account. The answer is the same for every address.");
        auth.MapPost("/resendConfirmationEmail", (ResendConfirmationEmailRequest request, AccountMailQueue queue) =>
            {
                queue.Enqueue(AccountMailKind.Verification, request.Email);
                return TypedResults.Ok();
            })
            .AllowAnonymous()
            .RequireRateLimiting(AuthRateLimitPolicy.Name)
            .WithSummary("Mails the verification link again to an unverified account. The answer is the same for every address.");
        auth.MapPost("/manage/2fa", ManageEndpoints.TwoFactorAsync)
            .RequireRateLimiting(AuthRateLimitPolicy.Name)
            .WithSummary("Two-factor: set up, turn on with a code; turning off and new recovery codes need password and code.");
        auth.MapPost("/manage/info", ManageEndpoints.InfoAsync)
            .RequireRateLimiting(AuthRateLimitPolicy.Name)
            .WithSummary("Change email or password: needs oldPassword and, with two-factor on, twoFactorCode. Both addresses are told.");

        return app;
    }

    private static async Task<Results<Ok<SignUpAccepted>, ProblemHttpResult, ValidationProblem>> SignUpAsync(SignUpRequest request, SignUp signUp)
    {
        var result = await signUp.RunAsync(request);
        if (result.Accepted)
        {
            return TypedResults.Ok(new SignUpAccepted(SignUp.CheckEmailDetail));
        }

        return result.ProblemType switch
        {
            AuthProblems.InvalidSignUp => TypedResults.ValidationProblem(
                result.Errors!, detail: result.Detail, title: "Sign-up refused", type: AuthProblems.InvalidSignUp),
            _ => AuthProblems.Problem(result.ProblemType!, StatusCodes.Status400BadRequest, "Adults only", result.Detail!),
        };
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(RefreshRequest request, RefreshTokens tokens) =>
        await tokens.RotateAsync(request.RefreshToken) is { } principal
            ? TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme)
            : AuthProblems.Problem(AuthProblems.InvalidRefreshToken, StatusCodes.Status401Unauthorized, "Sign in again",
                "This refresh token is not valid any more (expired, already used, or the password changed).");

    private static async Task<Results<Ok<AccountSummary>, UnauthorizedHttpResult>> MeAsync(ClaimsPrincipal principal, UserManager<AppUser> users) =>
        await users.GetUserAsync(principal) is { } user ? TypedResults.Ok(await SummarizeAsync(user, users)) : TypedResults.Unauthorized();

    private static async Task<AccountSummary> SummarizeAsync(AppUser user, UserManager<AppUser> users) =>
        new(user.Id, user.Email!, user.EmailConfirmed, user.TwoFactorEnabled, [.. await users.GetRolesAsync(user)], user.CreatedAt);

    // Identity's endpoints carry no authorisation metadata outside /manage; under our fallback policy
    // the public ones must say so, and the attempts an attacker would repeat share the per-IP limit.
    private static void ShapeIdentityEndpoint(EndpointBuilder endpoint)
    {
        var pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern.RawText ?? "";
        if (!pattern.Contains("/manage", StringComparison.OrdinalIgnoreCase))
        {
            endpoint.Metadata.Add(new AllowAnonymousAttribute());
        }

        var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
        if (endpoint is RouteEndpointBuilder route && Replaced.Any(r => r.StartsWith('/')
                ? pattern.EndsWith(r, StringComparison.OrdinalIgnoreCase)
                : methods.Contains(r.Split(' ')[0]) && pattern.EndsWith(r.Split(' ')[1], StringComparison.OrdinalIgnoreCase)))
        {
            // Ours wins the route (a lower order is chosen first); Identity's stays unreachable and out of the document.
            route.Order = 1;
            endpoint.Metadata.Add(new ExcludeFromDescriptionAttribute());
        }

        if (RateLimited.Any(p => pattern.EndsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            endpoint.Metadata.Add(new EnableRateLimitingAttribute(AuthRateLimitPolicy.Name));
        }

        if (pattern.EndsWith("/register", StringComparison.OrdinalIgnoreCase))
        {
            endpoint.Metadata.Add(new ExcludeFromDescriptionAttribute());
            endpoint.FilterFactories.Add((_, _) => _ => ValueTask.FromResult<object?>(AuthProblems.Problem(
                AuthProblems.UseSignUp,
                StatusCodes.Status410Gone,
                "Use /api/auth/signup",
                "Accounts are created with POST /api/auth/signup, which asks for the 18+ confirmation.")));
        }
    }

    // Identity answers a refused login with a bare 401 whose detail is the SignInResult's name; give each a stable type.
    private static async ValueTask<object?> NameIdentityProblemsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is not ProblemHttpResult { StatusCode: StatusCodes.Status401Unauthorized } problem)
        {
            return result;
        }

        var lockoutMinutes = context.HttpContext.RequestServices.GetRequiredService<IOptions<AccountsOptions>>().Value.LockoutMinutes;
        return problem.ProblemDetails.Detail?.ToUpperInvariant() switch
        {
            "FAILED" => Unauthorized(AuthProblems.InvalidCredentials, "Sign-in failed", "Wrong email or password (or code)."),
            "LOCKEDOUT" => Unauthorized(AuthProblems.LockedOut, "Account locked", AuthProblems.LockedOutDetail(lockoutMinutes)),
            "NOTALLOWED" => Unauthorized(AuthProblems.Banned, "Account banned", AuthProblems.BannedDetail),
            "REQUIRESTWOFACTOR" => Unauthorized(AuthProblems.TwoFactorRequired, "Two-factor code required", "Send twoFactorCode (or twoFactorRecoveryCode) with the password."),
            _ => result,
        };
    }

    private static ProblemHttpResult Unauthorized(string type, string title, string detail) =>
        AuthProblems.Problem(type, StatusCodes.Status401Unauthorized, title, detail);
}
