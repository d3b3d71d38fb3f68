using Meterchat.Chats.Live;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Meterchat.Chats.Relay;

/// <summary>Where the meter's media evidence comes from (Chat:Evidence).</summary>
public enum EvidenceSource
{
    /// <summary>The clients' own reports (embedded default; a modified client can claim a drop).</summary>
    Client,

    /// <summary>coturn's traffic deltas through Redis (production); clients are forced to relay.</summary>
    Relay,
}

public static class RelayEvidenceFeature
{
    /// <summary>Redis's connection string (StackExchange.Redis format), shared with the SignalR backplane.</summary>
    public const string RedisConnectionKey = "Redis:Connection";

    /// <summary>Registers the IMediaEvidence that Chat:Evidence names, and in Relay mode the coturn subscriber.</summary>
    public static IHostApplicationBuilder AddMediaEvidence(this IHostApplicationBuilder builder)
    {
        var source = builder.Configuration.GetValue<EvidenceSource?>($"{ChatOptions.SectionName}:{nameof(ChatOptions.Evidence)}") ?? EvidenceSource.Client;
        if (source == EvidenceSource.Client)
        {
            builder.Services.AddSingleton<IMediaEvidence, ClientReportedEvidence>();
            return builder;
        }

        builder.Services.AddSingleton<IMediaEvidence, RelayMediaEvidence>();
        builder.Services.TryAddSingleton<IConnectionMultiplexer>(sp =>
        {
            var connection = sp.GetRequiredService<IConfiguration>()[RedisConnectionKey];
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException($"{RedisConnectionKey} is required when Chat:Evidence is Relay.");
            }

            var redisOptions = ConfigurationOptions.Parse(connection);
            redisOptions.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(redisOptions);
        });
        builder.Services.AddSingleton<RelayTrafficSubscriber>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RelayTrafficSubscriber>());
        return builder;
    }
}
