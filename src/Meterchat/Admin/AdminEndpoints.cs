using System.Security.Claims;
using Meterchat.Accounts;
using Meterchat.Admin.Dashboard;
using Meterchat.Admin.Settings;
using Meterchat.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meterchat.Admin;

public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(AccountPolicies.Admin).WithTags("Admin");
        admin.MapGet("/dashboard", Dashboard).WithSummary("Live sessions, sellers online, today's money, liabilities vs reserves, 30 days and 24 hours (UTC).");
        admin.MapGet("/settings", Settings).WithSummary("Every operator setting with its default, current value, unit, and the change history.");
        admin.MapPut("/settings", Change).WithSummary("Change settings (values in their unit, money in USDT; empty = back to default). All or nothing; audited.");
        return app;
    }

    private static async Task<Ok<DashboardView>> Dashboard(AdminDashboard dashboard, CancellationToken ct) =>
        TypedResults.Ok(await dashboard.RunAsync(ct));

    private static async Task<Ok<SettingsView>> Settings(PlatformSettings settings, CancellationToken ct) =>
        TypedResults.Ok(await settings.ViewAsync(ct));

    private static async Task<Results<Ok<SettingsView>, ProblemHttpResult>> Change(
        SettingsChange body, ClaimsPrincipal user, PlatformSettings settings, CancellationToken ct)
    {
        var result = await settings.ChangeAsync(AdminActor.From(user), body, ct);
        if (result.Conflicted)
        {
            return TypedResults.Problem(
                detail: string.Join(" ", result.Errors!.SelectMany(e => e.Value)),
                statusCode: StatusCodes.Status409Conflict,
                title: "Changed meanwhile",
                type: AdminProblems.SettingsConflict);
        }

        return result.Succeeded
            ? TypedResults.Ok(result.View!)
            : TypedResults.Problem(
                detail: "Nothing was changed: " + string.Join(" ", result.Errors!.SelectMany(e => e.Value)),
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid settings",
                type: AdminProblems.InvalidSettings,
                extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
    }
}
