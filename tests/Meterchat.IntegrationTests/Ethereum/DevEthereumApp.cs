using Meterchat.Ethereum.Development;
using Meterchat.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>
/// The app in Development with no Ethereum:RpcUrl: it starts its own ganache from tools/ethereum, as
/// `dotnet run` does, keeping the chain in <see cref="ChainFolder"/> (a temp folder unless given).
/// </summary>
public sealed class DevEthereumApp : AppFactory, IAsyncLifetime
{
    private readonly bool _ownsFolder;

    public DevEthereumApp()
        : this(null)
    {
    }

    internal DevEthereumApp(string? chainFolder)
    {
        _ownsFolder = chainFolder is null;
        ChainFolder = chainFolder ?? Directory.CreateTempSubdirectory("meterchat-ganache-").FullName;
        Settings["Ethereum:DevNode:DataPath"] = ChainFolder;
    }

    public string ChainFolder { get; }

    public DevEthereumStatus Status => Services.GetRequiredService<DevEthereumStatus>();

    /// <summary>Installing (when needed), starting and deploying take 10–30 s on the shared machine.</summary>
    public Task ReadyAsync() => Status.Ready.WaitAsync(TimeSpan.FromMinutes(3));

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_ownsFolder)
        {
            Directory.Delete(ChainFolder, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}
