using Meterchat.Trust.Disputes;
using Meterchat.Trust.Receipts;

namespace Meterchat.Trust;

/// <summary>Disputes, ratings and tips (PRODUCT.md §7; docs/trust.md).</summary>
public static class TrustFeature
{
    public static IHostApplicationBuilder AddTrust(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TrustOptions>().BindConfiguration(TrustOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Disputes.Disputes>();
        services.AddScoped<Ratings.Ratings>();
        services.AddScoped<Tips.Tips>();
        return builder;
    }

    public static WebApplication MapTrust(this WebApplication app)
    {
        app.MapTrustEndpoints();
        app.MapPartyReceipts();
        app.MapDisputeReceipts();
        return app;
    }
}
