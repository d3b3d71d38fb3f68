using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
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
        builder.Services.AddOutputCache();
        builder.Services.AddOpenApi();
        AddBadInputHandling(builder.Services);
        AddProxyTrust(builder);
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return builder;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        // First: every later step (limits, fraud rules, cookies' Secure flag, HSTS) sees the client, not the proxy.
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseMiddleware<RequestTextCheck>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CookieAntiforgery>();
        app.UseRateLimiter();
        app.UseOutputCache(); // after authorization: a cached page is only served to whom the endpoint allows
        return app;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        // The load balancer's probe: the database only (/health/ready asks every dependency, Observability/).
        app.MapHealthChecks("/health", new() { Predicate = c => c.Name == "database" }).AllowAnonymous();
        // The API's map is a convenience for developers and integrators, not for strangers: off in Production unless chosen.
        if (app.Configuration.GetValue("Web:PublishApiDocs", !app.Environment.IsProduction()))
        {
            app.MapOpenApi().AllowAnonymous();
            app.MapScalarApiReference("/api/docs").AllowAnonymous();
        }

        app.MapRazorPages();
        return app;
    }

    private static void AddBadInputHandling(IServiceCollection services)
    {
        // Binding failures throw in every environment (not only Development) so one handler answers them alike.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadInputHandler>();
        services.Configure<JsonOptions>(o =>
        {
            var json = o.SerializerOptions;
            json.Converters.Add(new TextWithoutNulConverter());
            // A null where the type says "never null" (Identity's email and password, our records) is refused while
            // reading; writing stays lenient so a response never fails on an annotation.
            json.RespectNullableAnnotations = true;
            json.TypeInfoResolver = json.TypeInfoResolver?.WithAddedModifier(t =>
            {
                foreach (var property in t.Properties.Where(p => !p.PropertyType.IsValueType))
                {
                    property.IsGetNullable = true;
                }
            });
        });
    }

    private static void AddProxyTrust(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)) && o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)) && o.ForwardLimit > 0,
                "Proxy: KnownProxies are IP addresses, KnownNetworks CIDR networks (10.0.0.0/24), ForwardLimit positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            // Loopback stays trusted (ASP.NET's default: a proxy on the same machine); others only when listed.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = proxy.Value.ForwardLimit;
            foreach (var address in proxy.Value.KnownProxies)
            {
                if (IPAddress.TryParse(address, out var ip))
                {
                    forwarded.KnownProxies.Add(ip);
                }
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                if (System.Net.IPNetwork.TryParse(network, out var n))
                {
                    forwarded.KnownIPNetworks.Add(n);
                }
            }
        });
    }
}
