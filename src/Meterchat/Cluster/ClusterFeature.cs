using Meterchat.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Meterchat.Cluster;

/// <summary>
/// Several app nodes, the low layer: node identity, worker leases, the Redis connection, SignalR's Redis backplane,
/// the shared presence store and data-protection keys in the database (every node reads every cookie and token).
/// Session leases and event routing belong to the chat feature, above this layer. Without <c>Redis:Connection</c> the
/// app is one node exactly as before (no Redis, no leases).
/// </summary>
public static class ClusterFeature
{
    /// <summary>Every node signs cookies and bearer tokens with the same keys, under the same application name.</summary>
    public const string ApplicationName = "Meterchat";

    public static IHostApplicationBuilder AddCluster(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RedisConnectionOptions>().BindConfiguration(RedisConnectionOptions.Section);
        var redis = builder.Configuration.GetSection(RedisConnectionOptions.Section).Get<RedisConnectionOptions>() ?? new RedisConnectionOptions();
        services.AddSingleton(sp =>
        {
            var id = sp.GetRequiredService<IOptions<ClusterOptions>>().Value.NodeId;
            return new ClusterNode(string.IsNullOrWhiteSpace(id) ? ClusterNode.NewId() : id, redis.Enabled);
        });

        services.AddDataProtection().PersistKeysToDbContext<AppDbContext>().SetApplicationName(ApplicationName);
        services.AddSingleton<WorkerLeaseStore>();
        services.AddSingleton<WorkerGate>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkerGate>());
        services.AddSingleton<SharedPresence>();

        if (redis.Enabled)
        {
            // Shared with other features that use Redis (coturn's traffic events): whoever registers first wins.
            services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis.Connection));
            services.AddSignalR().AddStackExchangeRedis(redis.Connection, o =>
                o.Configuration.ChannelPrefix = RedisChannel.Literal($"{redis.ChannelPrefix}:signalr"));
        }

        return builder;
    }
}
