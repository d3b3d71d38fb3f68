using System.Net;
using Meterchat.Tron.Node;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.Tron.Tests.Node;

/// <summary>The client as <c>AddTronNode</c> registers it: retries with back-off, timeouts, cancellation.</summary>
public sealed class TronNodeResilienceTests
{
    private readonly FakeNodeHandler _node = new();

    private ServiceProvider Services(Action<TronNodeOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddTronNode(o =>
        {
            o.BaseUrl = new Uri("https://api.trongrid.example");
            o.ApiKey = "key";
            o.RetryDelay = TimeSpan.Zero;
            o.MaxRetries = 3;
            configure?.Invoke(o);
        }).ConfigurePrimaryHttpMessageHandler(() => _node);
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Rate_limit_and_server_errors_are_retried_until_success(HttpStatusCode status)
    {
        _node.Answer("wallet/getnowblock", "{}", status)
            .Answer("wallet/getnowblock", "{}", status)
            .Answer("wallet/getnowblock", NodeFixtures.NileNowBlock);
        using var services = Services();

        var block = await services.GetRequiredService<ITronNode>().GetNowBlockAsync();

        Assert.Equal(66987565, block.Number);
        Assert.Equal(3, _node.CountOf("wallet/getnowblock"));
        Assert.All(_node.Requests, r => Assert.Equal("key", Assert.Single(r.Request.Headers.GetValues(TronNodeClient.ApiKeyHeader))));
    }

    [Fact]
    public async Task Retries_give_up_with_the_last_status()
    {
        _node.Answer("wallet/getnowblock", "{}", HttpStatusCode.TooManyRequests);
        using var services = Services(o => o.MaxRetries = 2);

        var e = await Assert.ThrowsAsync<TronNodeException>(() => services.GetRequiredService<ITronNode>().GetNowBlockAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal(3, _node.CountOf("wallet/getnowblock"));
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        _node.Answer("wallet/getnowblock", "{}", HttpStatusCode.BadRequest);
        using var services = Services();

        await Assert.ThrowsAsync<TronNodeException>(() => services.GetRequiredService<ITronNode>().GetNowBlockAsync());

        Assert.Equal(1, _node.CountOf("wallet/getnowblock"));
    }

    [Fact]
    public async Task A_hung_attempt_times_out_and_is_retried()
    {
        _node.Answer("wallet/getnowblock", async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("unreachable");
            })
            .Answer("wallet/getnowblock", NodeFixtures.NileNowBlock);
        using var services = Services(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(100));

        var block = await services.GetRequiredService<ITronNode>().GetNowBlockAsync();

        Assert.Equal(66987565, block.Number);
        Assert.Equal(2, _node.CountOf("wallet/getnowblock"));
    }

    [Fact]
    public async Task Cancellation_stops_the_call_and_is_not_retried()
    {
        var started = new TaskCompletionSource();
        _node.Answer("wallet/gettransactioninfobyid", async (_, ct) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var services = Services();
        using var cts = new CancellationTokenSource();

        var call = services.GetRequiredService<ITronNode>().GetTransactionInfoByIdAsync(new string('b', 64), NodeView.Head, cts.Token);
        await started.Task;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, _node.CountOf("wallet/gettransactioninfobyid"));
    }

    [Fact]
    public async Task An_already_cancelled_call_sends_nothing()
    {
        using var services = Services();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            services.GetRequiredService<ITronNode>().GetNowBlockAsync(NodeView.Head, new CancellationToken(canceled: true)));
        Assert.Empty(_node.Requests);
    }

    [Fact]
    public void Missing_base_url_fails_validation()
    {
        var services = new ServiceCollection();
        services.AddTronNode();
        using var provider = services.BuildServiceProvider();

        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<ITronNode>());
    }
}
