using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Meterchat.Tron.Node;

public static class TronNodeRegistration
{
    /// <summary>
    /// Registers <see cref="ITronNode"/> as a typed HttpClient with a total timeout, retries with exponential
    /// back-off (on 429, 403 — TronGrid's over-limit answer —, 408, 5xx, network errors and attempt timeouts)
    /// and a per-attempt timeout, all from <see cref="TronNodeOptions"/>. The returned builder can swap the
    /// primary handler (the app does, to talk to the in-process dev chain).
    /// </summary>
    public static IHttpClientBuilder AddTronNode(this IServiceCollection services, Action<TronNodeOptions>? configure = null)
    {
        var options = services.AddOptions<TronNodeOptions>()
            .Validate(o => o.BaseUrl is { IsAbsoluteUri: true }, "TronNodeOptions.BaseUrl must be an absolute http(s) URL of a java-tron HTTP API.")
            .Validate(o => o.MaxRetries is >= 0 and <= 10, "TronNodeOptions.MaxRetries must be between 0 and 10.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.TotalTimeout >= o.AttemptTimeout, "TronNodeOptions: AttemptTimeout must be positive and TotalTimeout at least as long.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var builder = services.AddHttpClient<ITronNode, TronNodeClient>((sp, http) =>
        {
            // The resilience pipeline owns time: its total timeout ends a call, not HttpClient's.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.AddResilienceHandler("tron-node", (pipeline, context) =>
        {
            var o = context.ServiceProvider.GetRequiredService<IOptions<TronNodeOptions>>().Value;
            pipeline
                .AddTimeout(o.TotalTimeout)
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = o.MaxRetries,
                    Delay = o.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = o.RetryDelay > TimeSpan.Zero,
                    ShouldHandle = args => ValueTask.FromResult(
                        HttpClientResiliencePredicates.IsTransient(args.Outcome)
                        || args.Outcome.Result?.StatusCode == HttpStatusCode.Forbidden),
                })
                .AddTimeout(o.AttemptTimeout);
        });
        return builder;
    }
}
