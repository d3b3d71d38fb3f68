using System.Net;
using Meterchat.Ethereum.Prices;
using Microsoft.Extensions.Time.Testing;

namespace Meterchat.Tests.Ethereum;

public sealed class TickerPriceSourceTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private readonly Ticker _ticker = new();
    private readonly HttpClient _http;
    private readonly TickerPriceSource _source;

    public TickerPriceSourceTests()
    {
        _http = new HttpClient(_ticker);
        _source = new TickerPriceSource(_http, new PriceOptions { TickerUrl = "https://ticker.example/eth", MaxAge = TimeSpan.FromMinutes(2) }, _time);
    }

    public void Dispose()
    {
        _source.Dispose();
        _http.Dispose();
        _ticker.Dispose();
    }

    [Theory]
    [InlineData("""{"symbol":"ETHUSDT","price":"3012.45000000"}""", 3_012_450_000)]
    [InlineData("""{"data":{"base":"ETH","currency":"USD","amount":"3012.45"}}""", 3_012_450_000)]
    [InlineData("""{"price":2999.1234567}""", 2_999_123_456)]
    [InlineData("""{"price":"4000"}""", 4_000_000_000)]
    public async Task Binance_and_coinbase_shapes_read_to_micros_without_rounding_up(string body, long micros)
    {
        _ticker.Body = body;

        var price = await _source.EtherPriceAsync(CancellationToken.None);

        Assert.Equal(micros, price.MicrosPerEther);
        Assert.Equal(_time.GetUtcNow(), price.At);
        Assert.Equal("ticker", price.Source);
    }

    [Theory]
    [InlineData("3012.45", 3_012_450_000)]
    [InlineData("0.000001", 1)]
    [InlineData("12", 12_000_000)]
    public void Decimal_text_parses_by_integers(string text, long micros) => Assert.Equal(micros, TickerPriceSource.ParseMicros(text));

    [Theory]
    [InlineData("")]
    [InlineData("-3000")]
    [InlineData("3e3")]
    [InlineData("3,000.00")]
    [InlineData("3000.")]
    [InlineData("1.2.3")]
    [InlineData("NaN")]
    public void Anything_else_is_not_a_price(string text) => Assert.Throws<FormatException>(() => TickerPriceSource.ParseMicros(text));

    [Fact]
    public async Task A_quote_is_reused_briefly_and_serves_while_the_ticker_fails_until_it_is_stale()
    {
        _ticker.Body = """{"price":"3000"}""";
        await _source.EtherPriceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));
        await _source.EtherPriceAsync(CancellationToken.None);
        Assert.Equal(1, _ticker.Calls); // within a quarter of MaxAge: no second request

        _ticker.Status = HttpStatusCode.BadGateway;
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(3_000_000_000, (await _source.EtherPriceAsync(CancellationToken.None)).MicrosPerEther);
        Assert.Equal(2, _ticker.Calls);

        _time.Advance(TimeSpan.FromSeconds(51)); // the last good quote is now 2 min 1 s old
        await Assert.ThrowsAsync<PriceUnavailableException>(() => _source.EtherPriceAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"price":"0.5"}""")]
    [InlineData("""{"price":"250000"}""")]
    [InlineData("""{"last":"3000"}""")]
    [InlineData("not json")]
    public async Task A_wild_price_or_an_unreadable_answer_is_refused(string body)
    {
        _ticker.Body = body;

        await Assert.ThrowsAsync<PriceUnavailableException>(() => _source.EtherPriceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_wild_price_is_refused_even_with_a_good_quote_cached()
    {
        _ticker.Body = """{"price":"3000"}""";
        await _source.EtherPriceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(40));
        _ticker.Body = """{"price":"30"}""";

        await Assert.ThrowsAsync<PriceUnavailableException>(() => _source.EtherPriceAsync(CancellationToken.None));
    }

    private sealed class Ticker : HttpMessageHandler
    {
        public string Body { get; set; } = "{}";

        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new HttpResponseMessage(Status) { Content = new StringContent(Body) });
        }
    }
}
