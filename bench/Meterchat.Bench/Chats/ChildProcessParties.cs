using System.Diagnostics;
using System.Globalization;

namespace Meterchat.Bench.Chats;

/// <summary>
/// The hub clients in a child process (<see cref="MeterHubClientProcess"/>, the same tool), driven over its standard
/// input and output, so the server process's CPU and memory are the server's alone.
/// </summary>
internal sealed class ChildProcessParties(Process process, string plan, int users) : IMeterHubParties
{
    private long _workingSet;

    public string Where => "in a separate process";

    public int Connections { get; private set; }

    public long OwnWorkingSet => _workingSet;

    public static async Task<ChildProcessParties> StartAsync(Uri server, IReadOnlyDictionary<string, string> tokens)
    {
        var plan = Path.Combine(Path.GetTempPath(), $"meter-hub-plan-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(plan, tokens.Select(t => $"{t.Key} {t.Value}"));
        var tool = typeof(ChildProcessParties).Assembly.Location;
        var start = new ProcessStartInfo(Environment.ProcessPath!, $"\"{tool}\" meter --hub-clients --server-url {server} --plan \"{plan}\"")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        return new ChildProcessParties(Process.Start(start)!, plan, tokens.Count);
    }

    public async Task OpenAsync()
    {
        var open = await ExpectAsync("open ");
        Connections = int.Parse(open, CultureInfo.InvariantCulture);
        if (Connections != users)
        {
            throw new InvalidOperationException($"The client process opened {Connections} of {users} connections.");
        }
    }

    public async Task<int> JoinAsync(IReadOnlyList<(Guid Id, string Buyer, string Seller)> sessions)
    {
        await process.StandardInput.WriteLineAsync($"join {string.Join(';', sessions.Select(s => $"{s.Id},{s.Buyer},{s.Seller}"))}");
        await process.StandardInput.FlushAsync();
        return int.Parse(await ExpectAsync("joined "), CultureInfo.InvariantCulture);
    }

    public async Task StartMeasuringAsync()
    {
        await process.StandardInput.WriteLineAsync("measure");
        await process.StandardInput.FlushAsync();
    }

    public async Task<HubWindow> StopMeasuringAsync()
    {
        await process.StandardInput.WriteLineAsync("stop");
        await process.StandardInput.FlushAsync();
        var f = (await ExpectAsync(MeterHubClientProcess.ResultPrefix + " ")).Split(' ').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        _workingSet = (long)f[8];
        return new HubWindow((int)f[0], (int)f[1], f[2], f[3], f[4], f[5], (long)f[6], f[7]);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(true);
            }
        }

        process.Dispose();
        File.Delete(plan);
    }

    /// <summary>The rest of the child's next line that starts with <paramref name="prefix"/> (other lines are echoed).</summary>
    private async Task<string> ExpectAsync(string prefix)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..];
            }

            Console.WriteLine($"  [clients] {line}");
        }

        throw new InvalidOperationException($"The client process ended (exit {(process.HasExited ? process.ExitCode : -1)}) before \"{prefix.Trim()}\".");
    }
}
