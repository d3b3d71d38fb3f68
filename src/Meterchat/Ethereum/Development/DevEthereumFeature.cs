using Meterchat.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Meterchat.Ethereum.Development;

public static class DevEthereumFeature
{
    /// <summary>
    /// Development with no Ethereum:RpcUrl (and Ethereum:DevNode:Enabled not false): the app runs its own ganache on a
    /// free loopback port and points Ethereum:* at it: chain 1337, 2 confirmations, the dev tokens, the dev deposit
    /// xpub. Without Node.js or tools/ethereum, Ethereum stays off and <see cref="DevEthereumStatus"/> says how to
    /// enable it. Other environments never start a node.
    /// </summary>
    public static IHostApplicationBuilder AddDevEthereumNode(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(EthereumOptions.Section);
        if (!builder.Environment.IsDevelopment() || !string.IsNullOrWhiteSpace(section["RpcUrl"]) || !section.GetValue("DevNode:Enabled", true))
        {
            return builder;
        }

        var tools = GanacheTools.Find(builder.Environment.ContentRootPath);
        var node = GanacheTools.OnPath("node");
        DevEthereumStatus status;
        if (tools is null)
        {
            status = new(DevEthereumState.Off, "Ethereum is off: tools/ethereum (the pinned local node) is not beside this app. Set Ethereum:RpcUrl to a node's JSON-RPC URL to enable it (docs/ethereum.md).");
        }
        else if (node is null)
        {
            status = new(DevEthereumState.Off, "Ethereum is off: the local Ethereum node needs Node.js. Install Node.js 18 or newer with npm (e.g. sudo apt install nodejs npm) and restart the app, or set Ethereum:RpcUrl to a node's JSON-RPC URL (docs/ethereum.md).");
        }
        else
        {
            var setup = new DevNodeSetup(tools, node, FreePort(), Path.GetFullPath(section["DevNode:DataPath"] ?? DefaultDataPath(builder.Configuration)));
            status = new(DevEthereumState.Starting, "Starting the local Ethereum node…");
            builder.Services.AddSingleton(setup);
            builder.Services.AddHostedService<DevEthereumNode>();
            builder.Services.AddSingleton<DevEthereumFaucet>();
            builder.Services.PostConfigure<EthereumOptions>(o =>
            {
                o.RpcUrl = setup.RpcUrl;
                o.ChainId = DevEthereumChain.ChainId;
                if (o.Tokens.Count == 0)
                {
                    o.Tokens = [.. DevEthereumChain.Tokens.Select(t => new EthereumToken { Symbol = t.Symbol, Contract = t.Contract.Checksummed, Decimals = 6 })];
                }

                if (string.IsNullOrWhiteSpace(o.AccountXpub))
                {
                    o.AccountXpub = DevEthereumChain.DepositAccountXpub;
                }
            });
        }

        builder.Services.AddSingleton(status);
        return builder;
    }

    /// <summary>The chain lives with the database it pays into (as the TRON dev chain does): beside the SQLite file, or data/ganache-&lt;database&gt;.</summary>
    private static string DefaultDataPath(IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            return Path.Combine("data", $"ganache-{new NpgsqlConnectionStringBuilder(database.ConnectionString).Database ?? "meterchat"}");
        }

        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        return string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal)
            ? Path.Combine("data", "ganache")
            : Path.ChangeExtension(file, ".ganache");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
