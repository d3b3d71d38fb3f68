using System.Diagnostics;
using System.Text.Json;
using Meterchat.IntegrationTests.Chats;

namespace Meterchat.IntegrationTests.Hosting;

/// <summary>
/// Runs the built app as a child process in the environment <c>dotnet run</c> gives it (ASPNETCORE_ENVIRONMENT=Development
/// from the launch profile), from the app's own folder, and waits for what a command left on the dev chain.
/// </summary>
internal static class OperatorCommand
{
    internal static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    internal static string TxId(string output) => System.Text.RegularExpressions.Regex.Match(output, "[0-9a-f]{64}").Value;

    /// <summary>Polls the node until the transaction is in a block (the app's dev chain makes one every 3 s).</summary>
    internal static async Task InBlockAsync(string node, string txId)
    {
        Assert.Equal(64, txId.Length);
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var reply = await http.PostAsync(new Uri($"{node}/wallet/gettransactioninfobyid"), new StringContent($"{{\"value\":\"{txId}\"}}"));
            using var json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
            if (json.RootElement.TryGetProperty("blockNumber", out _))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Transaction {txId} did not land in a block.");
    }

    internal static async Task<OperatorRun> RunAsync(string[] args, Dictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(AppProcess.Dll)!,
        };
        info.ArgumentList.Add(AppProcess.Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // What `dotnet run` sets from Properties/launchSettings.json, and nothing of the test run's own environment.
        foreach (var name in new[] { "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT", "Database__Provider", "Database__ConnectionString" })
        {
            info.Environment.Remove(name);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? [])
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(true);
            throw;
        }

        return new OperatorRun(process.ExitCode, await output, await error);
    }
}
