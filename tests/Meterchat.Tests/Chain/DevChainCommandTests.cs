using System.CommandLine;
using Meterchat.Chain;
using Meterchat.DevChain;
using Meterchat.Tron.Crypto;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Meterchat.Tests.Chain;

/// <summary>`devchain` verbs against a dev chain served on a loopback port, stepped by hand.</summary>
public sealed class DevChainCommandTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly TronKey _sender = TronKey.Generate();
    private readonly TronKey _recipient = TronKey.Generate();
    private DevChainNode _node = null!;
    private WebApplication _app = null!;
    private string _url = null!;

    public async Task InitializeAsync()
    {
        _node = new DevChainNode(new DevChainOptions(), _time);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_node);
        _app = builder.Build();
        _app.MapDevChain();
        _app.MapDevChain("/devchain");
        await _app.StartAsync();
        _url = _app.Urls.Single();

        _node.Faucet(_sender.Address, FaucetToken.Trx, 50_000_000);
        _node.Faucet(_sender.Address, FaucetToken.Usdt, 20_000_000);
        Step();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _node.Dispose();
        _sender.Dispose();
        _recipient.Dispose();
    }

    [Fact]
    public async Task Send_usdt_signs_broadcasts_and_prints_the_txid()
    {
        var (code, output, error) = await Run("send-usdt", "--node", _url, "--from-key", _sender.ExportHex(), "--to", _recipient.Address.ToBase58(), "--amount", "10.5");

        Assert.True(code == 0, error);
        var txId = output.Trim();
        Assert.Equal([txId], _node.PendingTransactionIds);
        Step();
        Assert.Equal(10_500_000, _node.GetTokenBalance(_node.Usdt, _recipient.Address));
        Assert.Equal(9_500_000, _node.GetTokenBalance(_node.Usdt, _sender.Address));
    }

    [Fact]
    public async Task Send_usdt_reports_the_nodes_refusal()
    {
        using var stranger = TronKey.Generate();

        var (code, output, error) = await Run("send-usdt", "--node", _url + "/devchain", "--from-key", stranger.ExportHex(), "--to", _recipient.Address.ToBase58(), "--amount", "1");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("CONTRACT_VALIDATE_ERROR", error, StringComparison.Ordinal);
        Assert.Empty(_node.PendingTransactionIds);
    }

    [Theory]
    [InlineData("1.0000001")]
    [InlineData("0")]
    [InlineData("1e3")]
    public async Task Send_usdt_refuses_an_amount_that_is_not_positive_usdt(string amount)
    {
        var (code, _, error) = await Run("send-usdt", "--node", _url, "--from-key", _sender.ExportHex(), "--to", _recipient.Address.ToBase58(), "--amount", amount);

        Assert.Equal(1, code);
        Assert.NotEmpty(error);
        Assert.Empty(_node.PendingTransactionIds);
    }

    [Fact]
    public async Task Faucet_sends_usdt_or_trx_and_prints_the_txid()
    {
        var usdt = await Run("faucet", "--node", _url + "/devchain", "--to", _recipient.Address.ToBase58(), "--amount", "100");
        var trx = await Run("faucet", "--node", _url, "--to", _recipient.Address.ToBase58(), "--amount", "2.5", "--token", "Trx");

        Assert.True(usdt.Code == 0, usdt.Error);
        Assert.True(trx.Code == 0, trx.Error);
        Assert.Equal(new[] { usdt.Output.Trim(), trx.Output.Trim() }, _node.PendingTransactionIds);
        Step();
        Assert.Equal(100_000_000, _node.GetTokenBalance(_node.Usdt, _recipient.Address));
        Assert.Equal(2_500_000, _node.GetTrxBalance(_recipient.Address));
    }

    [Fact]
    public async Task Faucet_reports_a_bad_address()
    {
        var (code, _, error) = await Run("faucet", "--node", _url, "--to", "nope", "--amount", "1");

        Assert.Equal(1, code);
        Assert.Contains("address", error, StringComparison.OrdinalIgnoreCase);
    }

    private void Step()
    {
        _time.Advance(TimeSpan.FromSeconds(3));
        _node.ProduceBlock();
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var root = new RootCommand { DevChainCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await root.Parse(["devchain", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
