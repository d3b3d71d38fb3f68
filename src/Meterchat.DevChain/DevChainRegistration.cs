using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meterchat.DevChain;

public static class DevChainRegistration
{
    /// <summary>
    /// Registers one <see cref="DevChainNode"/> (on the injected <see cref="TimeProvider"/>) and the background
    /// producer that seals its blocks. Serve it with <see cref="DevChainEndpoints.MapDevChain"/>.
    /// </summary>
    public static OptionsBuilder<DevChainOptions> AddDevChain(this IServiceCollection services, Action<DevChainOptions>? configure = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        var options = services.AddOptions<DevChainOptions>()
            .Validate(o => o.BlockInterval > TimeSpan.Zero, "DevChain BlockInterval must be positive.")
            .Validate(o => o.SolidityLag >= 0, "DevChain SolidityLag must not be negative.")
            .Validate(o => o.EnergyPriceSun >= 0, "DevChain EnergyPriceSun must not be negative.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(sp => new DevChainNode(
            sp.GetRequiredService<IOptions<DevChainOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DevChainNode>>()));
        services.AddHostedService<DevChainBlockProducer>();
        return options;
    }
}
