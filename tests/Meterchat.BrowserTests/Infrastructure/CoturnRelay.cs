using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Meterchat.BrowserTests.Infrastructure;

/// <summary>
/// Debian's coturn and a Redis for its <c>redis-statsdb</c>, as child processes on loopback (free ports, a temp
/// directory, killed on dispose). The test process starts them itself: inside <c>unshare -n</c> the Redis that
/// test.sh started outside is not reachable.
/// </summary>
public sealed class CoturnRelay : IDisposable
{
    public const string Realm = "meterchat";

    private readonly string _dir = Directory.CreateTempSubdirectory("meterchat-coturn-").FullName;
    private readonly Process _redis;
    private readonly Process _turn;

    public CoturnRelay()
    {
        RedisPort = FreeTcpPort();
        TurnPort = FreeTcpPort();
        var minRelayPort = 40_000 + Random.Shared.Next(0, 400) * 50;
        _redis = Start("redis-server", $"--bind 127.0.0.1 --port {RedisPort} --dir {_dir} --save \"\" --appendonly no");
        WaitFor(() => CanConnect(RedisPort), "redis-server");
        var log = Path.Combine(_dir, "turn.log");
        _turn = Start("turnserver",
            $"-n --listening-ip=127.0.0.1 --relay-ip=127.0.0.1 --listening-port={TurnPort} --min-port={minRelayPort} --max-port={minRelayPort + 49} " +
            $"--allow-loopback-peers --no-cli --no-tls --no-dtls --no-tcp-relay --use-auth-secret --static-auth-secret={Secret} --realm={Realm} " +
            $"--redis-statsdb=\"ip=127.0.0.1 port={RedisPort}\" --userdb={Path.Combine(_dir, "turndb")} --pidfile={Path.Combine(_dir, "turn.pid")} " +
            $"--log-file={log} --simple-log --no-stdout-log");
        WaitFor(() => File.Exists(log) && File.ReadAllText(log).Contains("IO method (admin thread)", StringComparison.Ordinal), "turnserver");
    }

    public string Secret { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    public int RedisPort { get; }

    public int TurnPort { get; }

    public string RedisConnection => $"127.0.0.1:{RedisPort}";

    public string TurnUrl => $"turn:127.0.0.1:{TurnPort}?transport=udp";

    /// <summary>Freezes coturn (SIGSTOP): no packet is relayed and no traffic event is published.</summary>
    public void Freeze() => Signal(_turn.Id, "STOP");

    /// <summary>Lets coturn run again (SIGCONT).</summary>
    public void Thaw() => Signal(_turn.Id, "CONT");

    public void Dispose()
    {
        foreach (var process in new[] { _turn, _redis })
        {
            try
            {
                if (!process.HasExited)
                {
                    Signal(process.Id, "CONT");
                    process.Kill(true);
                    process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
            }

            process.Dispose();
        }

        Directory.Delete(_dir, recursive: true);
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {pid}");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {pid} failed");
        }
    }

    private static Process Start(string file, string arguments) =>
        Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })
        ?? throw new InvalidOperationException($"{file} did not start (apt-get install coturn redis-server)");

    private static void WaitFor(Func<bool> ready, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!ready())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new InvalidOperationException($"{what} did not come up within 15 s");
            }

            Thread.Sleep(50);
        }
    }

    private static bool CanConnect(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
