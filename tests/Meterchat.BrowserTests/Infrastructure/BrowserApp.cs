using Meterchat.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Meterchat.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel at http://127.0.0.1:PORT (a secure context, so getUserMedia exists) with a fresh
/// SQLite database, and Debian's Chromium driven by Playwright with fake cameras.
/// Run inside `unshare -n` (test.sh does) so WebRTC media can only travel over loopback.
/// </summary>
public class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private static readonly string[] LaunchArgs =
    [
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        "--allow-loopback-in-peer-connection",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-sandbox",
        "--disable-gpu",
    ];

    // Chosen before start: mailed links use Mail:PublicBaseUrl only (never the Host header), so it must name this port.
    private readonly int _port = FreePort();

    private IPlaywright? _playwright;

    public TestDatabase Database { get; } = TestDatabase.Create();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every Content-Security-Policy violation any page of this app reported (tests assert none).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> CspViolations { get; } = new();

    public async Task InitializeAsync()
    {
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, _port));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = LaunchArgs,
        });
    }

    /// <summary>A fresh browser context: one person (cookies of its own), with camera and microphone allowed.</summary>
    public async Task<IPage> NewPersonAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Permissions = ["camera", "microphone"],
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });

        // Chromium logs each refusal ("Refused to execute inline script ... Content Security Policy"); the event
        // also catches what it does not log.
        await context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));");
        context.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.StartsWith("CSP violation", StringComparison.Ordinal)))
            {
                CspViolations.Enqueue($"{message.Location}: {message.Text}");
            }
        };
        return await context.NewPageAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("Mail:PublicBaseUrl", $"http://127.0.0.1:{_port}");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);

        // Every person signs in from 127.0.0.1; the per-IP sign-in limit is tested on its own (integration tests).
        builder.UseSetting("Accounts:AttemptsPerWindow", "100000");

        // Development would start a local Ethereum node: only the Ethereum pages' tests want one (EthereumTopUpApp).
        builder.UseSetting("Ethereum:DevNode:Enabled", "false");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
