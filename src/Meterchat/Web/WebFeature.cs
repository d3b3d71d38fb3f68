using Scalar.AspNetCore;

namespace Meterchat.Web;

public static class WebFeature
{
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        // Outside development, one JSON object per log line (structured fields, scopes) for the log shipper.
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        // On SIGTERM the host stops taking requests and lets background workers (meter clock, sender) finish their step.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddRazorPages();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        // The load balancer's probe: the database only (/health/ready asks every dependency, Observability/).
        app.MapHealthChecks("/health", new() { Predicate = c => c.Name == "database" }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs").AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
