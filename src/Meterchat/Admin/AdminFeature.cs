using Meterchat.Admin.Moderation;
using Meterchat.Admin.Users;
using Microsoft.AspNetCore.Authentication;

namespace Meterchat.Admin;

/// <summary>The admin console's shared pieces: the audit log every admin action writes to; users, bans, reports.</summary>
public static class AdminFeature
{
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AdminAuditLog>();
        builder.Services.AddScoped<Bans>();
        builder.Services.AddScoped<UserDirectory>();
        builder.Services.AddScoped<ReportQueue>();
        builder.Services.AddScoped<AuditLogQuery>();

        // A ban takes effect on the next request, cookie or bearer (see BannedUserCheck).
        builder.Services.AddScoped<IClaimsTransformation, BannedUserCheck>();
        return builder;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.MapModerationEndpoints();
        return app;
    }
}
