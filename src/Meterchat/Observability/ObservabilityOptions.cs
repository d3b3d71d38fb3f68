using System.ComponentModel.DataAnnotations;

namespace Meterchat.Observability;

/// <summary>Where telemetry goes and who may read it (section <c>Observability</c>).</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>OTLP collector (traces and metrics), e.g. <c>http://otel-collector:4317</c>; empty: no OTLP export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Networks (CIDR) whose addresses may scrape <c>/metrics</c> without a token. Loopback only by default.</summary>
    public List<string> MetricsNetworks { get; set; } = ["127.0.0.0/8", "::1/128"];

    /// <summary>A bearer token that also admits a scrape from anywhere (<c>Authorization: Bearer …</c>); empty: none.</summary>
    public string? MetricsToken { get; set; }

    /// <summary>How often the figures read from the database (sessions, payouts, claims, liabilities) are refreshed.</summary>
    [Range(1, 3600)]
    public int FiguresSeconds { get; set; } = 15;

    /// <summary>How often on-chain figures (hot wallet, reserves across deposit addresses) are read from the node.</summary>
    [Range(5, 86_400)]
    public int ChainFiguresSeconds { get; set; } = 300;
}
