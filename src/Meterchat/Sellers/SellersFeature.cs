namespace Meterchat.Sellers;

public static class SellersFeature
{
    public static IHostApplicationBuilder AddSellers(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SellersOptions>().BindConfiguration(SellersOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSignalR();
        services.AddSingleton<PresenceLinks>();
        services.AddHostedService<PresenceMirror>();
        services.AddSingleton<SellerPresence>();
        services.AddSingleton<QuickMatchBook>();
        services.AddSingleton<ChatRequests>();
        services.AddSingleton<QuickMatcher>();
        services.AddSingleton<SellerSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<SellerSweep>());
        services.AddScoped<SellerProfiles>();
        services.AddScoped<SellerBrowser>();
        services.AddScoped<PhotoStore>();
        services.AddScoped<Blocks>();
        services.AddScoped<Reports>();
        services.AddRateLimiter(o => o.AddPolicy<string, ReportRateLimitPolicy>(ReportRateLimitPolicy.Name));
        services.AddOutputCache(o => BrowseCache.AddPolicy(o, builder.Configuration.GetSection(SellersOptions.SectionName).Get<SellersOptions>() ?? new SellersOptions()));
        return builder;
    }

    public static WebApplication MapSellers(this WebApplication app)
    {
        app.MapSellerEndpoints();
        return app;
    }
}
