using System.Diagnostics;
using System.Globalization;

namespace Meterchat.Bench.Chats;

/// <summary>
/// <c>meter --hub --clients-process</c>: the hub clients in a process of their own, so the server's figures are not
/// the load generator's. The server side (<see cref="MeterHubLoad"/>) starts this process with a plan file (one line
/// per user: id and token) and drives it over standard input, one command a line:
/// <c>join session,buyer,seller;…</c> (a wave of accepted sessions), <c>measure</c> (the window starts), <c>stop</c> (the window
/// ends: it prints its figures and exits). It answers <c>open N</c> once connected and <c>joined N</c> per wave.
/// Usage (started by the tool): meter --hub-clients --server-url http://127.0.0.1:PORT --plan FILE
/// </summary>
internal static class MeterHubClientProcess
{
    public const string ResultPrefix = "clients:";

    public static async Task<int> RunAsync(string[] args)
    {
        var server = new Uri(MeterLoad.Arg(args, "--server-url") ?? throw new ArgumentException("--server-url is required"));
        var tokens = (await File.ReadAllLinesAsync(MeterLoad.Arg(args, "--plan") ?? throw new ArgumentException("--plan is required")))
            .Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1]);
        await using var clients = new MeterHubClients(server, tokens);
        await clients.OpenAsync(tokens.Keys);
        Console.WriteLine($"open {clients.Connections}");

        var cpuBefore = TimeSpan.Zero;
        var window = Stopwatch.StartNew();
        while (await Console.In.ReadLineAsync() is { } command)
        {
            if (command.StartsWith("join ", StringComparison.Ordinal))
            {
                await clients.JoinAsync(command[5..].Split(';').Select(s => s.Split(','))
                    .SelectMany(s => new[] { (Guid.Parse(s[0]), s[1]), (Guid.Parse(s[0]), s[2]) }));
                Console.WriteLine($"joined {clients.Joined}");
            }
            else if (command == "measure")
            {
                clients.StartMeasuring();
                cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                window.Restart();
            }
            else if (command == "stop")
            {
                var (pushes, reports, lags, live) = clients.StopMeasuring();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                var seconds = window.Elapsed.TotalSeconds;
                Console.WriteLine($"states at the end: {clients.States()}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{ResultPrefix} {live} {clients.Connections} {pushes / seconds:F0} {MeterHubLoad.P(lags, 0.50):F0} {MeterHubLoad.P(lags, 0.99):F0} {MeterHubLoad.P(lags, 1):F0} {reports + pushes} {cpu.TotalMicroseconds:F0} {Environment.WorkingSet}"));
                return 0;
            }
        }

        return 1;
    }
}
