using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Meterchat.Ethereum.Development;

/// <summary>
/// Development with no Ethereum:RpcUrl: runs ganache as a child process of the app (installed from tools/ethereum
/// first if needed), waits for it, deploys the dev tokens, and kills it when the app stops. All of it in the
/// background: the app serves at once and Top up says "starting" until <see cref="DevEthereumStatus.Ready"/>.
/// The chain is kept in <see cref="DevNodeSetup.Database"/>, so dev deposits survive a restart.
/// </summary>
public sealed class DevEthereumNode(DevNodeSetup setup, DevEthereumStatus status, EthereumNode node, ILogger<DevEthereumNode> logger) : BackgroundService
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private string PidFile => Path.Combine(setup.Database, "meterchat-ganache.pid");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            if (setup.Tools.NeedsInstall)
            {
                status.Set(DevEthereumState.Starting, "Installing the local Ethereum node (npm ci in tools/ethereum, about 190 MB the first time)…");
                logger.LogInformation("Installing ganache in {Folder} (npm ci)", setup.Tools.Folder);
                await setup.Tools.InstallAsync(stoppingToken);
            }

            status.Set(DevEthereumState.Starting, "Starting the local Ethereum node (ganache)…");
            Directory.CreateDirectory(setup.Database);
            StopLeftover();
            _process = Process.Start(setup.Tools.StartInfo(setup.Node, setup.Port, setup.Database)) ?? throw new InvalidOperationException("node did not start.");
            _process.OutputDataReceived += (_, e) => Keep(e.Data);
            _process.ErrorDataReceived += (_, e) => Keep(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            await File.WriteAllTextAsync(PidFile, _process.Id.ToString(CultureInfo.InvariantCulture), stoppingToken);
            await AnswersAsync(stoppingToken);

            status.Set(DevEthereumState.Starting, "Deploying the dev tokens (USDT, USDC)…");
            await DevTokenDeployment.EnsureAsync(node, stoppingToken);
            status.Set(DevEthereumState.Ready, $"Local Ethereum node (ganache) at {setup.RpcUrl}, chain id {DevEthereumChain.ChainId}: test money only.");
            logger.LogInformation("Local Ethereum node ready at {Url} (chain kept in {Folder}); dev tokens {Tokens}",
                setup.RpcUrl, setup.Database, string.Join(", ", DevEthereumChain.Tokens.Select(t => $"{t.Symbol} {t.Contract}")));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            var detail = $"The local Ethereum node did not start: {ex.Message} {GanacheTools.Last(string.Join('\n', _output))}".Trim()
                + " Restart the app to try again, or set Ethereum:RpcUrl to a node's JSON-RPC URL (docs/ethereum.md).";
            logger.LogError(ex, "The local Ethereum node did not start");
            status.Set(DevEthereumState.Failed, detail);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(cancellationToken);
                }
            }
            catch (InvalidOperationException)
            {
                // It had already gone.
            }

            process.Dispose();
            File.Delete(PidFile);
        }
    }

    private async Task AnswersAsync(CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var chainId = await node.ChainIdAsync(ct);
                if (chainId != DevEthereumChain.ChainId)
                {
                    throw new InvalidOperationException($"The node on port {setup.Port} reports chain id {chainId}, not {DevEthereumChain.ChainId}.");
                }

                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not InvalidOperationException)
            {
                if (_process!.HasExited)
                {
                    throw new InvalidOperationException($"ganache exited with code {_process.ExitCode}.", ex);
                }

                if (started.Elapsed > StartLimit)
                {
                    throw new TimeoutException($"ganache did not answer on port {setup.Port} within {StartLimit.TotalSeconds} s.", ex);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
            }
        }
    }

    /// <summary>
    /// A ganache this folder's last app left running (the app was killed): it still holds the chain's files, so it
    /// is stopped first, by its recorded process id and only if it is still a node process.
    /// </summary>
    private void StopLeftover()
    {
        if (!File.Exists(PidFile) || !int.TryParse(File.ReadAllText(PidFile), CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }

        try
        {
            using var leftover = Process.GetProcessById(pid);
            var commandLine = $"/proc/{pid}/cmdline";
            var ours = File.Exists(commandLine) ? File.ReadAllText(commandLine).Contains(setup.Database, StringComparison.Ordinal) : leftover.ProcessName.StartsWith("node", StringComparison.OrdinalIgnoreCase);
            if (ours)
            {
                logger.LogWarning("Stopping ganache {Pid} left running by an earlier start", pid);
                leftover.Kill(entireProcessTree: true);
                leftover.WaitForExit(10_000);
            }
        }
        catch (ArgumentException)
        {
            // No such process any more.
        }

        File.Delete(PidFile);
    }

    private void Keep(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 20 && _output.TryDequeue(out _))
        {
        }

        logger.LogDebug("ganache: {Line}", line);
    }
}
