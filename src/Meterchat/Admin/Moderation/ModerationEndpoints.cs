using Meterchat.Accounts;
using Meterchat.Admin.Users;
using Meterchat.Audit;
using Meterchat.Ledger;
using Meterchat.Trust.Fraud;
using Meterchat.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meterchat.Admin.Moderation;

public sealed record ReasonBody(string? Reason);

public sealed record ReportDecision(string? Note, bool Ban = false);

public sealed record FlagView(long Id, string Rule, string Evidence, DateTimeOffset RaisedAt, DateTimeOffset? ClearedAt, string? ClearedBy, string? ClearReason)
{
    public static FlagView Of(FraudFlag f) => new(f.Id, f.Rule, f.Evidence, f.RaisedAt, f.ClearedAt, f.ClearedBy, f.ClearReason);
}

public sealed record UserDetailsView(
    string Id, string? Email, DateTimeOffset CreatedAt, bool EmailConfirmed, DateTimeOffset? BannedAt, IReadOnlyList<string> Roles,
    MoneyJson Wallet, MoneyJson Earnings, MoneyJson Held, IReadOnlyList<FlagView> Flags, IReadOnlyList<AdminAction> Audit);

/// <summary>Admin API for users, bans, fraud flags, the reports queue and the audit log. Every action writes an audit row.</summary>
public static class ModerationEndpoints
{
    public static IEndpointRouteBuilder MapModerationEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(AccountPolicies.Admin).WithTags("Admin");
        admin.MapGet("/users", SearchUsers).WithSummary("Users by email, optionally only banned, flagged or sellers.");
        admin.MapGet("/users/{id}", UserDetails).WithSummary("One user: account, balances, fraud flags with evidence, audit rows.");
        admin.MapPost("/users/{id}/ban", Ban).WithSummary("Ban: ends live sessions, blocks sign-in, freezes withdrawals.");
        admin.MapPost("/users/{id}/unban", Unban).WithSummary("Lift a ban (frozen withdrawals stay in review).");
        admin.MapPost("/fraud-flags/{id:long}/clear", ClearFlag).WithSummary("Clear a fraud flag with a reason.");
        admin.MapPost("/reports/{id:long}/dismiss", Dismiss).WithSummary("Dismiss a report with a note.");
        admin.MapPost("/reports/{id:long}/act", Act).WithSummary("Mark a report actioned with a note; optionally ban its subject.");
        admin.MapGet("/audit-log", AuditLog).WithSummary("Admin actions, newest first; filter by actor, action, target; page with before.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<UserRow>>> SearchUsers(UserDirectory users, CancellationToken ct, string? email = null, bool banned = false, bool flagged = false, bool sellers = false) =>
        TypedResults.Ok(await users.SearchAsync(new UserFilter(email, banned, flagged, sellers), ct));

    private static async Task<Results<Ok<UserDetailsView>, ProblemHttpResult>> UserDetails(string id, UserDirectory users, CancellationToken ct)
    {
        if (await users.FindAsync(id, ct) is not { } d)
        {
            return new Problem(404, ModerationProblems.UnknownUser, "No such user", "There is no user with that id.").ToResult();
        }

        return TypedResults.Ok(new UserDetailsView(
            d.User.Id, d.User.Email, d.User.CreatedAt, d.User.EmailConfirmed, d.User.BannedAt, d.Roles,
            MoneyJson.Of(d.Balances.Wallet), MoneyJson.Of(d.Balances.Earnings), MoneyJson.Of(d.Balances.Held),
            d.Flags.Select(FlagView.Of).ToList(), d.Audit));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Ban(string id, ReasonBody body, HttpContext http, Bans bans, CancellationToken ct) =>
        Done(await bans.BanAsync(AdminActor.From(http.User), id, body.Reason, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Unban(string id, ReasonBody body, HttpContext http, Bans bans, CancellationToken ct) =>
        Done(await bans.UnbanAsync(AdminActor.From(http.User), id, body.Reason, ct));

    private static async Task<Results<Ok<FlagView>, ProblemHttpResult>> ClearFlag(long id, ReasonBody body, HttpContext http, FraudFlags flags, CancellationToken ct)
    {
        if (ModerationProblems.CheckReason(body.Reason) is { } bad)
        {
            return bad.ToResult();
        }

        return await flags.ClearAsync(AdminActor.From(http.User), id, body.Reason!, ct) is { } cleared
            ? TypedResults.Ok(FlagView.Of(cleared))
            : new Problem(404, ModerationProblems.UnknownFlag, "No such open flag", "There is no open fraud flag with that id.").ToResult();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Dismiss(long id, ReportDecision body, HttpContext http, ReportQueue queue, CancellationToken ct) =>
        Done(await queue.DismissAsync(AdminActor.From(http.User), id, body.Note, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Act(long id, ReportDecision body, HttpContext http, ReportQueue queue, CancellationToken ct) =>
        Done(await queue.ActAsync(AdminActor.From(http.User), id, body.Note, body.Ban, ct));

    private static async Task<Ok<AuditLogPage>> AuditLog(AuditLogQuery query, CancellationToken ct, string? actor = null, string? action = null, string? target = null, long? before = null, int limit = 50) =>
        TypedResults.Ok(await query.RunAsync(new AuditLogFilter(actor, action, target, before, limit), ct));

    private static Results<NoContent, ProblemHttpResult> Done(Problem? problem) =>
        problem is null ? TypedResults.NoContent() : problem.ToResult();
}
