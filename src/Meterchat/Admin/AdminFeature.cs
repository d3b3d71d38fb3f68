using Meterchat.Admin.Dashboard;
using Meterchat.Admin.Moderation;
using Meterchat.Admin.Settings;
using Meterchat.Admin.Users;
using Meterchat.Audit;
using Meterchat.Chats.Live;
using Meterchat.Sellers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.SignalR;

namespace Meterchat.Admin;

/// <summary>The admin console: the audit log every admin action writes to, the dashboard, the operator's settings; users, bans, reports.</summary>
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
        builder.Services.AddScoped<Bans>();
        builder.Services.AddScoped<UserDirectory>();
        builder.Services.AddScoped<ReportQueue>();
        builder.Services.AddScoped<OpenCaseCount>();
        builder.Services.AddScoped<AuditLogQuery>();

        // A ban takes effect on the next request, cookie or bearer (see BannedUserCheck).
        builder.Services.AddScoped<IClaimsTransformation, BannedUserCheck>();
        // ...and on open hub connections: closed by the ban, refused on the next join or signal (see BannedHubGuard).
        builder.Services.AddSingleton<BannedHubGuard>();
        builder.Services.AddSignalR()
            .AddHubOptions<ChatHub>(o => o.AddFilter<BannedHubGuard>())
            .AddHubOptions<PresenceHub>(o => o.AddFilter<BannedHubGuard>());
        return builder;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.MapAdminEndpoints();
        app.MapModerationEndpoints();
        return app;
    }
}
