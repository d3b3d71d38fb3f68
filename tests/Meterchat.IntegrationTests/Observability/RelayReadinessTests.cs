using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Meterchat.IntegrationTests.Infrastructure;

namespace Meterchat.IntegrationTests.Observability;

/// <summary>
/// Redis and coturn in <c>/health/ready</c>, against real servers the test starts and stops: a Redis of its own
/// (redis-server, as ./test.sh installs it) and a listening TCP port where coturn would be.
/// </summary>
public sealed class RelayReadinessTests
{
    [Fact]
    public async Task Ready_turns_unhealthy_when_redis_and_coturn_stop()
    {
        var redisPort = FreePort();
        using var redis = Process.Start(new ProcessStartInfo("redis-server", ["--bind", "127.0.0.1", "--port", $"{redisPort}", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var coturn = new TcpListener(IPAddress.Loopback, 0);
        coturn.Start();
        try
        {
            await UntilListeningAsync(redisPort);
            await using var app = new AppFactory();
            app.Settings["Observability:MetricsToken"] = ObservedApp.Token;
            app.Settings["Redis:Connection"] = $"127.0.0.1:{redisPort},abortConnect=false,connectTimeout=2000,syncTimeout=2000,asyncTimeout=2000";
            app.Settings["Chat:TurnUrls:0"] = $"turn:127.0.0.1:{((IPEndPoint)coturn.LocalEndpoint).Port}?transport=tcp";
            app.Settings["Health:CoturnUnhealthyMilliseconds"] = "1000";

            var (up, upChecks) = await ObservedApp.ReadyAsync(app);
            redis.Kill();
            await redis.WaitForExitAsync();
            coturn.Stop();
            var (down, downChecks) = await ObservedApp.ReadyAsync(app);

            Assert.Equal(("Healthy", "Healthy"), (upChecks["redis"], upChecks["coturn"]));
            Assert.NotEqual(HttpStatusCode.ServiceUnavailable, up.Item1);
            Assert.Equal(("Unhealthy", "Unhealthy"), (downChecks["redis"], downChecks["coturn"]));
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), down);
        }
        finally
        {
            coturn.Dispose();
            if (!redis.HasExited)
            {
                redis.Kill();
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task UntilListeningAsync(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        Assert.Fail($"redis-server did not listen on {port}");
    }
}
