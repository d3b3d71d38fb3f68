using Meterchat.Ethereum.Prices;
using Meterchat.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>The app with the ETH price a test controls.</summary>
public sealed class PricedAppFactory(IPriceSource prices) : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton(prices));
    }
}
