using Meterchat.Data;
using Meterchat.DevChain;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Meterchat.Chain;

public static class ChainFeature
{
    /// <summary>The in-process client reaches the dev chain through a handler, never a socket: this host name is never resolved.</summary>
    private static readonly Uri InProcessDevChain = new("http://devchain.in-process/");

    /// <summary>
    /// Registers <see cref="ITronNode"/> and <see cref="ChainOptions"/>. DevChain mode (the default) hosts the dev
    /// chain in-process (state beside the database, so a restart keeps balances) and points the node client
    /// at it through an in-memory handler; Node mode points it at <c>Chain:NodeUrl</c>.
    /// </summary>
    public static IHostApplicationBuilder AddChain(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ChainOptions.Section);
        var chain = section.Get<ChainOptions>() ?? new ChainOptions();
        var options = builder.Services.AddOptions<ChainOptions>().BindConfiguration(ChainOptions.Section);

        if (chain.Mode == ChainMode.DevChain)
        {
            var statePath = section["DevChain:StatePath"] ?? DefaultStatePath(builder.Configuration);
            builder.Services.AddDevChain(o =>
            {
                section.GetSection("DevChain").Bind(o);
                o.StatePath = statePath;
            });
            builder.Services.AddTronNode(o => o.BaseUrl = InProcessDevChain)
                .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<DevChainNode>().CreateHttpHandler());
            options.PostConfigure<DevChainNode>((o, node) => o.UsdtContract = node.Usdt.ToBase58());
        }
        else
        {
            builder.Services.AddTronNode(o =>
            {
                o.BaseUrl = chain.NodeUrl;
                o.ApiKey = chain.ApiKey;
            });
            options.PostConfigure(o => o.UsdtContract ??= Trc20.MainnetUsdt.ToBase58());
        }

        options
            .Validate(o => o.Mode == ChainMode.DevChain || o.NodeUrl is { IsAbsoluteUri: true }, "Chain:NodeUrl must be an absolute URL when Chain:Mode is Node.")
            .Validate(o => TronAddress.TryParse(o.UsdtContract, out _, out _), "Chain:UsdtContract must be a TRON address (base58 T… or hex 41…).")
            .ValidateOnStart();
        builder.Services.AddHostedService<UsdtContractCheck>();
        return builder;
    }

    /// <summary>DevChain mode: serves the dev chain's node API and faucet under <c>/devchain/</c>.</summary>
    public static WebApplication MapChain(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChainOptions>>().Value.Mode == ChainMode.DevChain)
        {
            if (app.Environment.IsProduction())
            {
                app.Logger.LogWarning("Chain:Mode is DevChain in Production: deposits and payouts move dev-chain USDT, not real money. Set Chain:Mode=Node and Chain:NodeUrl.");
            }

            app.MapDevChain("/devchain");
        }

        return app;
    }

    /// <summary>
    /// The dev chain's state lives with the database it pays into: beside the SQLite file, or in data/ named
    /// after the PostgreSQL database. Two apps on two databases never share a chain.
    /// </summary>
    private static string DefaultStatePath(IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database ?? "meterchat";
            return Path.Combine("data", $"devchain-{name}.json");
        }

        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        return string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal)
            ? Path.Combine("data", "devchain.json")
            : Path.ChangeExtension(file, ".devchain.json");
    }
}
