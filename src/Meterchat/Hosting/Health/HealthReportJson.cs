using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Meterchat.Hosting.Health;

/// <summary>The JSON shape of <c>/health/ready</c> and the admin System page: overall status, then each check.</summary>
public sealed record HealthReportJson(string Status, double TotalMilliseconds, IReadOnlyList<HealthEntryJson> Checks)
{
    public static HealthReportJson Of(HealthReport report) => new(
        report.Status.ToString(),
        Math.Round(report.TotalDuration.TotalMilliseconds, 1),
        [.. report.Entries.Select(e => new HealthEntryJson(e.Key, e.Value.Status.ToString(), e.Value.Description, Math.Round(e.Value.Duration.TotalMilliseconds, 1), e.Value.Data))]);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, Of(report), JsonSerializerOptions.Web, context.RequestAborted);
    }
}

public sealed record HealthEntryJson(string Name, string Status, string? Description, double Milliseconds, IReadOnlyDictionary<string, object> Data);
