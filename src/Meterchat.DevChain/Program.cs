using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.DevChain;

/// <summary>
/// The dev chain on its own: <c>dotnet run --project src/Meterchat.DevChain -- --port 9090 [--state devchain.json]</c>.
/// Serves the node API at the root (<c>/wallet/…</c>) and under <c>/devchain/</c>, as the app does.
/// Not top-level statements: .NET 10 would make that Program public and clash with the app's.
/// </summary>
internal static class Program
{
    private static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var port = builder.Configuration.GetValue("port", 9090);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddDevChain(o =>
        {
            builder.Configuration.GetSection("DevChain").Bind(o);
            o.StatePath = builder.Configuration["state"] ?? o.StatePath;
        });

        var app = builder.Build();
        app.MapDevChain();
        app.MapDevChain("/devchain");
        await app.RunAsync();
    }
}
