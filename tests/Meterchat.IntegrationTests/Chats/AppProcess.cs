using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Meterchat.IntegrationTests.Infrastructure;

namespace Meterchat.IntegrationTests.Chats;

/// <summary>The built app (Meterchat.dll) as a real child process on a loopback port, so a test can kill it outright.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ErrorTail _errors;

    private AppProcess(Process process, Uri address, ErrorTail errors)
    {
        _process = process;
        Address = address;
        _errors = errors;
    }

    public Uri Address { get; }

    public static string Dll
    {
        get
        {
            // The app's own build output (runtimeconfig and deps beside it), same configuration as the tests.
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Meterchat.slnx")))
            {
                dir = dir.Parent;
            }

            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(dir!.FullName, "src", "Meterchat", "bin", configuration, "net10.0", "Meterchat.dll");
        }
    }

    /// <summary>Starts the app on a free loopback port; <paramref name="environment"/> adds settings (e.g. a cluster node's).</summary>
    public static async Task<AppProcess> StartAsync(TestDatabase db, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var info = Info(db, "--urls", address.ToString().TrimEnd('/'));
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        // Standard error is read as it comes (never left to fill the pipe and block the app), keeping its tail
        // for the message when the app does not start.
        info.RedirectStandardError = true;
        var errors = new ErrorTail();
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, e) => errors.Add(e.Data);
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = address };
        for (var i = 0; i < 300 && !process.HasExited; i++)
        {
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return new AppProcess(process, address, errors);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        var exited = process.HasExited ? $"exited with code {process.ExitCode}" : "did not answer /health within 30 s";
        if (!process.HasExited)
        {
            process.Kill(true);
        }

        await process.WaitForExitAsync(); // also waits for the last lines of standard error
        process.Dispose();
        throw new InvalidOperationException($"The app process {exited}. Standard error (tail):{Environment.NewLine}{errors}");
    }

    /// <summary>The last lines the app wrote to standard error (for a test's failure message).</summary>
    public string ErrorOutput => _errors.ToString();

    /// <summary>Runs an operator verb (e.g. audit) against the database and returns its exit code.</summary>
    public static async Task<int> RunVerbAsync(TestDatabase db, params string[] args)
    {
        using var process = Process.Start(Info(db, args))!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    /// <summary>No shutdown, no flush: the process dies where it stands.</summary>
    public void Kill()
    {
        _process.Kill(true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static ProcessStartInfo Info(TestDatabase db, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = false, RedirectStandardError = false, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["Database__Provider"] = db.Provider;
        info.Environment["Database__ConnectionString"] = db.ConnectionString;
        info.Environment["Chat__TickMilliseconds"] = "50";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
