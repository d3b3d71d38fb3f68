using Meterchat.Accounts;
using Meterchat.Chats.Live;
using Meterchat.Withdrawals;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meterchat.Trust.Fraud;

public static class FraudFeature
{
    /// <summary>Sightings (sign-in, chat join), the rules, flags, and the withdrawal risk check that uses them.</summary>
    public static IHostApplicationBuilder AddFraud(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FraudOptions>().BindConfiguration(FraudOptions.Section)
            .Validate(o => o.IsValid(), "Fraud: every threshold must be positive (percentages 1..100, MaxRefundedPercent 0..99).")
            .ValidateOnStart();
        services.AddSingleton<Sightings>();
        services.AddScoped<SightingWriter>();
        services.AddScoped<FraudCheck>();
        services.AddScoped<FraudFlags>();
        services.AddScoped<SharedIpOrDevice>();
        services.AddScoped<ManyAccountsPerIp>();
        services.AddScoped<FastDepositSelfDealing>();
        services.AddScoped<UnusualRefundRate>();
        services.AddScoped<ISignInObserver, SignInSightings>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IWithdrawalRiskCheck, FraudRiskCheck>());
        services.AddSignalR().AddHubOptions<ChatHub>(o => o.AddFilter<SightingHubFilter>());
        services.AddSingleton<SightingHubFilter>();
        return builder;
    }

    /// <summary>The device cookie, on every request after authentication.</summary>
    public static WebApplication MapFraud(this WebApplication app)
    {
        app.UseMiddleware<DeviceCookie>();
        return app;
    }
}
