using Meterchat.Accounts;
using Meterchat.Chats.Live;
using Meterchat.Cluster;
using Meterchat.Observability.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using StackExchange.Redis;

namespace Meterchat.Observability;

/// <summary>
/// OpenTelemetry traces and metrics (OTLP when configured, Prometheus at <c>/metrics</c> for allowed scrapers), the
/// product's <c>Meterchat</c> meter, health checks (<c>/health/live</c>, <c>/health/ready</c>; <c>/health</c> stays the
/// database only), trace ids on every log line, and the admin System status. See docs/operations.md.
/// </summary>
public static class ObservabilityFeature
{
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HealthThresholds>().BindConfiguration(HealthThresholds.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();

        services.TryAddSingleton<MeterchatMetrics>();
        services.AddSingleton<MetricsAccess>();
        services.AddSingleton<SystemFiguresRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<SystemFiguresRefresher>());
        services.AddScoped<SystemStatus>();
        services.AddScoped<ISignInObserver, SignInMetrics>();
        services.AddSingleton<HubConnectionMetrics>();

        // One instance: a clock that never ticks turns unhealthy counting from the first check, not from each.
        services.AddSingleton<MeterClockHealthCheck>();
        services.AddSignalR(o => o.AddFilter<HubConnectionMetrics>());

        // Every log line carries the trace (and span) it was written in; the JSON console writes them with the scopes.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

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

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("meterchat"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(MeterchatMetrics.MeterName, "Microsoft.AspNetCore.Identity", "Microsoft.AspNetCore.RateLimiting")
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            telemetry.UseOtlpExporter(OtlpExportProtocol.Grpc, new Uri(options.OtlpEndpoint));
        }

        return builder;
    }

    public static WebApplication MapObservability(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: MetricsAccess.Gate, optionsName: null).AllowAnonymous();

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
