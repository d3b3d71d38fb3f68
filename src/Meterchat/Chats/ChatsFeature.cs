using Meterchat.Chats.Live;
using Meterchat.Chats.Ownership;
using Meterchat.Chats.Receipts;
using Meterchat.Chats.Relay;
using Meterchat.Chats.Retention;
using Meterchat.Chats.Store;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Chats;

public static class ChatsFeature
{
    public static IHostApplicationBuilder AddChats(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MeterOptions>().BindConfiguration(MeterOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MeterSource>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<MeterSource>().Current);
        builder.AddMediaEvidence();
        builder.Services.AddSingleton<IChatSessions, ChatSessionStore>();
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<ChatNotifier>();
        builder.AddLiveSessions();
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddReceipts();
        builder.Services.AddSingleton<ChatLogPurge>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChatLogPurge>());

        // WebSockets and server-sent events cannot send headers: the hub's bearer token comes in the query string.
        builder.Services.PostConfigure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
        {
            var previous = o.Events.OnMessageReceived;
            o.Events.OnMessageReceived = async context =>
            {
                await previous(context);
                if (context.Token is null && (context.Request.Path.StartsWithSegments(ChatHub.Path) || context.Request.Path.StartsWithSegments(Ledger.BalanceHub.Path))
                    && context.Request.Query["access_token"] is { Count: > 0 } token)
                {
                    context.Token = token.ToString();
                }
            };
        });
        return builder;
    }

    /// <summary>
    /// The live sessions and their clock; with several nodes, session leases and routing (Chats/Ownership).
    /// Hosted in this order: routed events, the lease keeper, then the clock (it recovers on start), so on a stop the
    /// clock stops first and the keeper lets the leases go after it.
    /// </summary>
    private static void AddLiveSessions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<LeaseStore>();
        services.AddSingleton<ClusterBus>();
        services.AddSingleton<SessionRoutes>();
        services.AddSingleton<ArrivingStops>();
        services.AddSingleton<BuyerWallets>();
        services.AddSingleton<LandedUnits>();
        services.AddSingleton<SessionMemory>();
        services.AddSingleton<LiveSessions>();
        services.AddSingleton<SessionRecovery>();
        services.AddSingleton<BillingFaults>();
        services.AddSingleton<AutoRefunds>();
        services.AddSingleton<MeterClock>();
        services.AddHostedService<RoutedEvents>();
        services.AddHostedService<LeaseKeeper>();
        services.AddHostedService(sp => sp.GetRequiredService<MeterClock>());
    }

    public static WebApplication MapChats(this WebApplication app)
    {
        app.MapHub<ChatHub>(ChatHub.Path);
        app.MapChatApi();
        app.MapReceiptApi();
        return app;
    }
}
