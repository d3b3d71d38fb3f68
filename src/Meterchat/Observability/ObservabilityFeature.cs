using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using StackExchange.Redis;

namespace Meterchat.Observability;

/// <summary>
/// OpenTelemetry traces and metrics (OTLP when configured, Prometheus at <c>/metrics</c> for allowed scrapers), the
/// product's <c>Meterchat</c> meter and trace ids on every log line. It is the bottom of the stack: every feature
/// counts through <see cref="MeterchatMetrics"/>, and it references none of them. The health checks and the admin System
/// status read the features, so they sit at the top (<c>Meterchat.Hosting.Health</c>). See docs/operations.md.
/// </summary>
public static class ObservabilityFeature
{
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();

        services.TryAddSingleton<MeterchatMetrics>();
        services.AddSingleton<MetricsAccess>();
        services.AddSingleton<HubConnectionMetrics>();
        services.AddSignalR(o => o.AddFilter<HubConnectionMetrics>());

        // Every log line carries the trace (and span) it was written in; the JSON console writes them with the scopes.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var exported = !string.IsNullOrWhiteSpace(options.OtlpEndpoint);
        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService("meterchat"));
        if (exported)
        {
            // Spans are recorded only when something receives them: without OTLP, recording them cost every request
            // (tags, sampling, listeners) for nothing. The logs keep their trace ids either way: ASP.NET Core starts a
            // request's activity for logging by itself.
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddEntityFrameworkCoreInstrumentation());
        }

        telemetry.WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(MeterchatMetrics.MeterName, "Microsoft.AspNetCore.Identity", "Microsoft.AspNetCore.RateLimiting")
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        if (exported)
        {
            telemetry.UseOtlpExporter(OtlpExportProtocol.Grpc, new Uri(options.OtlpEndpoint!));
        }

        return builder;
    }

    public static WebApplication MapObservability(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: MetricsAccess.Gate, optionsName: null).AllowAnonymous();
        return app;
    }
}
