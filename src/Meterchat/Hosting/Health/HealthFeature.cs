using Meterchat.Accounts;
using Meterchat.Chats.Live;
using Meterchat.Cluster;
using Meterchat.Observability;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Meterchat.Hosting.Health;

/// <summary>
/// Health checks (<c>/health/live</c>, <c>/health/ready</c>; <c>/health</c> stays the database only), the cached system
/// figures behind the gauges, and the admin System status. They read many features, so they sit at the top of the stack,
/// above every feature they ask; the metrics they feed stay at the bottom (<see cref="ObservabilityFeature"/>).
/// </summary>
public static class HealthFeature
{
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HealthThresholds>().BindConfiguration(HealthThresholds.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SystemFiguresRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<SystemFiguresRefresher>());
        services.AddScoped<SystemStatus>();

        // One instance: a clock that never ticks turns unhealthy counting from the first check, not from each.
        services.AddSingleton<MeterClockHealthCheck>();

        var checks = services.AddHealthChecks()
            .AddCheck<TronNodeHealthCheck>("tron-node", tags: [ReadyTag])
            .AddCheck<WatcherHealthCheck>("deposit-watcher", tags: [ReadyTag])
            .AddCheck<MeterClockHealthCheck>("meter-clock", tags: [ReadyTag]);
        if (builder.Configuration.GetSection(RedisConnectionOptions.Section).Get<RedisConnectionOptions>() is { Enabled: true })
        {
            checks.AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        }

        if (builder.Configuration.GetSection(ChatOptions.SectionName).Get<ChatOptions>() is { TurnUrls.Count: > 0 })
        {
            checks.AddCheck<CoturnHealthCheck>("coturn", tags: [ReadyTag]);
        }

        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        // Live: the process answers (no dependency is asked). Ready: every check; the details only for allowed scrapers.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = WriteReadyAsync }).AllowAnonymous();
        app.MapGet("/api/admin/system", System).RequireAuthorization(AccountPolicies.Admin).WithTags("Admin")
            .WithSummary("Readiness checks and key figures (sessions, payouts, claims, hot wallet, reserves − liabilities) for the System page.");
        return app;
    }

    private static async Task<Ok<SystemStatusView>> System(SystemStatus status, CancellationToken ct) => TypedResults.Ok(await status.ReadAsync(ct));

    private static Task WriteReadyAsync(HttpContext context, HealthReport report)
    {
        if (context.RequestServices.GetRequiredService<MetricsAccess>().Allows(context))
        {
            return HealthReportJson.WriteAsync(context, report);
        }

        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(report.Status.ToString(), context.RequestAborted);
    }
}
