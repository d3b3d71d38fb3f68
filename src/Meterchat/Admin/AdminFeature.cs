namespace Meterchat.Admin;

/// <summary>The admin console's shared pieces: the audit log every admin action writes to.</summary>
public static class AdminFeature
{
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AdminAuditLog>();
        return builder;
    }
}
