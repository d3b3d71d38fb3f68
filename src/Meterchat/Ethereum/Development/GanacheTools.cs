using System.Diagnostics;

namespace Meterchat.Ethereum.Development;

/// <summary>
/// The ganache the repository pins (tools/ethereum, with its lockfile) and how to run it, as scripts/ganache.sh
/// does: found by walking up from the app's folder, installed with <c>npm ci --ignore-scripts</c> when missing or
/// older than the lockfile. The app never installs Node.js itself (that needs root): without it Ethereum stays off.
/// </summary>
public sealed class GanacheTools(string folder)
{
    public string Folder { get; } = folder;

    public string Cli => Path.Combine(Folder, "node_modules", "ganache", "dist", "node", "cli.js");

    /// <summary>tools/ethereum in <paramref name="start"/> or a folder above it (the repository), or null (a published app).</summary>
    public static GanacheTools? Find(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            var tools = Path.Combine(dir.FullName, "tools", "ethereum");
            if (File.Exists(Path.Combine(tools, "package-lock.json")))
            {
                return new GanacheTools(tools);
            }
        }

        return null;
    }

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? OnPath(string program)
    {
        var names = OperatingSystem.IsWindows() ? new[] { program + ".exe", program + ".cmd" } : [program];
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>npm ci is needed when nothing is installed or the lockfile changed since (the test scripts' rule).</summary>
    public bool NeedsInstall
    {
        get
        {
            var installed = Path.Combine(Folder, "node_modules", ".package-lock.json");
            return !File.Exists(installed) || !File.Exists(Cli)
                || File.GetLastWriteTimeUtc(Path.Combine(Folder, "package-lock.json")) > File.GetLastWriteTimeUtc(installed);
        }
    }

    /// <summary>Runs npm ci (about 190 MB the first time); throws with npm's own words when it fails.</summary>
    public async Task InstallAsync(CancellationToken ct)
    {
        var npm = OnPath("npm") ?? throw new InvalidOperationException("npm is not installed (it comes with Node.js).");
        var start = new ProcessStartInfo(npm) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await Task.WhenAll(output, errors);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {Folder} failed (exit {process.ExitCode}): {Last(await errors + await output)}");
        }
    }

    /// <summary>
    /// ganache as scripts/ganache.sh starts it, on <paramref name="port"/>, keeping its chain in <paramref name="database"/>,
    /// but with a block every 3 s (as the TRON dev chain) instead of one per transaction: deposits need blocks on top to become final.
    /// </summary>
    public ProcessStartInfo StartInfo(string node, int port, string database)
    {
        var start = new ProcessStartInfo(node) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            Cli, "--server.host", "127.0.0.1", "--server.port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--chain.chainId", "1337", "--chain.networkId", "1337",
            "--wallet.mnemonic", DevEthereumChain.NodeMnemonic, "--wallet.totalAccounts", "10", "--wallet.defaultBalance", "1000",
            "--miner.blockTime", "3", "--database.dbPath", database, "--logging.quiet",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>The end of a tool's output: enough to say why, short enough for a log line and the Top up page.</summary>
    public static string Last(string output)
    {
        var text = output.Trim();
        return text.Length <= 400 ? text : "…" + text[^400..];
    }
}
