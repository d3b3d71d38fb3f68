using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Meterchat.Accounts;

/// <summary>
/// The JSON API under /api/auth: Identity's endpoints (login, refresh, confirmEmail, manage/2fa, ...) for
/// scripts and bots, our sign-up with the 18+ rule, and /me. Identity's /register is shut: it has no 18+ field.
/// </summary>
internal static class AuthEndpoints
{
    private static readonly string[] RateLimited = ["/login", "/forgotPassword", "/resetPassword", "/resendConfirmationEmail"];

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

        return app;
    }

    private static async Task<Results<Ok<AccountSummary>, ProblemHttpResult, ValidationProblem>> SignUpAsync(
        SignUpRequest request, SignUp signUp, UserManager<AppUser> users, HttpContext context)
    {
        var result = await signUp.RunAsync(request, context);
        if (result.User is { } user)
        {
            return TypedResults.Ok(await SummarizeAsync(user, users));
        }

        return result.ProblemType switch
        {
            AuthProblems.InvalidSignUp => TypedResults.ValidationProblem(
                result.Errors!, detail: result.Detail, title: "Sign-up refused", type: AuthProblems.InvalidSignUp),
            AuthProblems.EmailTaken => AuthProblems.Problem(AuthProblems.EmailTaken, StatusCodes.Status409Conflict, "Email taken", result.Detail!),
            _ => AuthProblems.Problem(result.ProblemType!, StatusCodes.Status400BadRequest, "Adults only", result.Detail!),
        };
    }

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
