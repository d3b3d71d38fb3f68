using Meterchat.Admin.Dashboard;
using Meterchat.Admin.Settings;

namespace Meterchat.Admin;

/// <summary>The admin console: the audit log every admin action writes to, the dashboard, and the operator's settings.</summary>
public static class AdminFeature
{
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<AdminAuditLog>();
        builder.Services.AddScoped<AdminDashboard>();
        builder.Services.AddScoped<PlatformSettings>();

        // The operator's overrides win over every other source: added last, filled from the database on start.
        var overrides = new PlatformSettingsConfiguration();
        builder.Configuration.Sources.Add(overrides);
        builder.Services.AddSingleton(overrides);
        builder.Services.AddSingleton<PlatformSettingsRefresher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PlatformSettingsRefresher>());
        return builder;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.MapAdminEndpoints();
        return app;
    }
}
