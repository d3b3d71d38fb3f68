using System.Net;
using Meterchat.IntegrationTests.Infrastructure;

namespace Meterchat.IntegrationTests.Web;

/// <summary>The help pages are public and quote the live settings, not numbers written into the text.</summary>
public sealed class HelpPagesTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public Task InitializeAsync()
    {
        _app.Settings["Deposits:MinimumMicros"] = "5000000";
        _app.Settings["Withdrawals:AddressCooldown"] = "12:00:00";
        _app.Settings["Withdrawals:PlatformFee"] = "0.25";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_visitor_reads_every_help_page_with_the_configured_minimum_fees_and_cooldown()
    {
        var visitor = _app.CreateClient(new() { AllowAutoRedirect = false });

        var pages = new Dictionary<string, string>();
        foreach (var path in new[] { "/help", "/help/usdt", "/help/top-up", "/help/fees", "/help/payouts" })
        {
            var response = await visitor.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            pages[path] = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("Why the minimum is 5.00 USDT", pages["/help/top-up"]);
        Assert.Contains("What a TXID is", pages["/help/top-up"]);
        Assert.Contains("Send at least 5.00 USDT", pages["/help/usdt"]);
        Assert.Contains("Wait about a minute", pages["/help/usdt"]); // 19 blocks of 3 s
        Assert.Contains("12 hours after you add it", pages["/help/payouts"]);
        Assert.Contains("0.25 USDT platform fee + 1.00 USDT network fee", pages["/help/payouts"]);
        Assert.Contains("receive 8.75 USDT", pages["/help/fees"]);
        Assert.Contains("href=\"/help\"", pages["/help"]); // the footer link on every page
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/help/nothing-here")).StatusCode);
    }
}
