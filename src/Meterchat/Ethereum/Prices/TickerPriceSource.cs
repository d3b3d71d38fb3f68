using System.Text.Json;

namespace Meterchat.Ethereum.Prices;

/// <summary>
/// The ETH price from a public ticker (<see cref="PriceOptions.TickerUrl"/>), read as Binance's
/// <c>{"symbol":"ETHUSDT","price":"3012.45"}</c> or Coinbase's <c>{"data":{"amount":"3012.45"}}</c>. The decimal
/// text becomes µUSDT by integer parsing (never a double). The last good quote is kept: asked again within a quarter
/// of <see cref="PriceOptions.MaxAge"/> it is reused; when the ticker fails it serves until it is
/// <see cref="PriceOptions.MaxAge"/> old. A price outside the sanity bounds, or no fresh one, is
/// <see cref="PriceUnavailableException"/>: nothing is converted at a stale or wild price.
/// </summary>
public sealed class TickerPriceSource(HttpClient http, PriceOptions options, TimeProvider time) : IPriceSource, IDisposable
{
    public const string SourceName = "ticker";

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private EtherPrice? _last;

    public async Task<EtherPrice> EtherPriceAsync(CancellationToken cancellationToken)
    {
        if (Fresh(options.MaxAge / 4) is { } recent)
        {
            return recent;
        }

        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(options.MaxAge / 4) is { } fetched)
            {
                return fetched;
            }

            Exception failure;
            try
            {
                using var response = await http.GetAsync(options.TickerUrl, cancellationToken);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
                var micros = ParseMicros(PriceText(json.RootElement));
                if (micros < options.MinMicrosPerEther || micros > options.MaxMicrosPerEther)
                {
                    throw new PriceUnavailableException(
                        $"The ticker's ETH price {micros} µUSDT is outside the sanity bounds [{options.MinMicrosPerEther}, {options.MaxMicrosPerEther}].");
                }

                _last = new EtherPrice(micros, time.GetUtcNow(), SourceName);
                return _last;
            }
            catch (PriceUnavailableException)
            {
                throw; // a wild price is refused outright, not papered over by an older one
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or FormatException or OverflowException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                failure = e;
            }

            return Fresh(options.MaxAge) ?? throw new PriceUnavailableException($"No fresh ETH price: the ticker failed ({failure.Message}).", failure);
        }
        finally
        {
            _fetching.Release();
        }
    }

    /// <summary>"3012.45" (or 3012.45) → 3,012,450,000 µUSDT: digits, an optional point, at most 6 decimals kept (rounded down).</summary>
    public static long ParseMicros(string text)
    {
        var parts = text.Trim().Split('.');
        if (parts.Length > 2 || parts[0].Length is 0 or > 12 || !parts[0].All(char.IsAsciiDigit) || (parts.Length == 2 && (parts[1].Length == 0 || !parts[1].All(char.IsAsciiDigit))))
        {
            throw new FormatException($"Not a decimal price: '{text}'.");
        }

        var fraction = parts.Length == 2 ? parts[1] : "";
        fraction = fraction.Length > 6 ? fraction[..6] : fraction.PadRight(6, '0');
        return checked(long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * 1_000_000
            + long.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string PriceText(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("price", out var price))
        {
            return Text(price);
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("amount", out var amount))
        {
            return Text(amount);
        }

        throw new FormatException("The ticker's answer has neither \"price\" nor \"data.amount\".");
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        _ => throw new FormatException("The ticker's price is neither a string nor a number."),
    };

    private EtherPrice? Fresh(TimeSpan age) => _last is { } last && time.GetUtcNow() - last.At <= age ? last : null;

    public void Dispose() => _fetching.Dispose();
}
