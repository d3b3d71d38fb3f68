using System.Net;
using Meterchat.DevChain;
using Meterchat.IntegrationTests.Deposits;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Tron.Node;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meterchat.IntegrationTests.Observability;

/// <summary><c>/health/ready</c> follows its dependencies; <c>/health/live</c> and the load balancer's <c>/health</c> do not.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_turns_degraded_when_the_watcher_falls_behind_and_unhealthy_when_the_node_is_down()
    {
        await using var owner = new AppFactory();
        owner.Settings["Observability:MetricsToken"] = ObservedApp.Token;
        owner.Settings["Health:WatcherDegradedBlocks"] = "20";
        owner.Settings["Health:WatcherUnhealthyBlocks"] = "200";
        FlakyNode? flaky = null;
        await using var app = owner.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<ITronNode>(sp =>
            {
                var chain = sp.GetRequiredService<DevChainNode>();
                return flaky = new FlakyNode(() => new TronNodeClient(
                    new HttpClient(chain.CreateHttpHandler()) { BaseAddress = new Uri("http://devchain.test/") }, Options.Create(new TronNodeOptions())));
            })));
        var d = new DepositsDriver(app, owner);
        await d.Watcher.ProcessAvailableBlocksAsync();
        var (fine, fineChecks) = await ObservedApp.ReadyAsync(app);

        d.Blocks(d.Chain.Options.SolidityLag + 30); // 30 solidified blocks the watcher has not scanned
        var (behind, behindChecks) = await ObservedApp.ReadyAsync(app);

        flaky!.Down = true;
        var (down, downChecks) = await ObservedApp.ReadyAsync(app);
        using var client = app.CreateClient();
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var balancer = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, "Healthy"), fine);
        Assert.Equal("Healthy", fineChecks["deposit-watcher"]);
        Assert.Equal((HttpStatusCode.OK, "Degraded"), behind);
        Assert.Equal("Degraded", behindChecks["deposit-watcher"]);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), down);
        Assert.Equal("Unhealthy", downChecks["tron-node"]);
        Assert.Equal("Healthy", downChecks["database"]);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, balancer.StatusCode);
    }
}
