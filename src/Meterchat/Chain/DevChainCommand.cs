using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using Meterchat.DevChain;
using Meterchat.Ledger;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;
using Meterchat.Tron.Transactions;

namespace Meterchat.Chain;

/// <summary>
/// `devchain` operator verbs against a running node: send-usdt (a real signed TRC20 transfer, so it
/// works on Nile too with --contract), faucet and info (the dev chain's own endpoints).
/// </summary>
public static class DevChainCommand
{
    /// <summary>fee_limit of a transfer: 100 TRX, far above a USDT transfer's cost (6.4–13 TRX at 100 sun/energy).</summary>
    public const long DefaultFeeLimitSun = 100_000_000;

    public static Command Create()
    {
        var devchain = new Command("devchain", "Talk to a dev chain (or any TRON node): send USDT, use the faucet");
        devchain.Subcommands.Add(SendUsdt());
        devchain.Subcommands.Add(Faucet());
        devchain.Subcommands.Add(Info());
        return devchain;
    }

    private static Option<string> NodeOption() => new("--node")
    {
        Description = "The node's base URL, e.g. http://127.0.0.1:9090 (standalone dev chain) or http://127.0.0.1:5000/devchain (the app's)",
        Required = true,
    };

    private static Command SendUsdt()
    {
        var node = NodeOption();
        var fromKey = new Option<string>("--from-key") { Description = "The sender's private key (64 hex digits), or - to read it from standard input", Required = true };
        var to = new Option<string>("--to") { Description = "Recipient address (base58 T… or hex 41…)", Required = true };
        var amount = new Option<string>("--amount") { Description = "USDT, up to 6 decimals, e.g. 10.5", Required = true };
        var contract = new Option<string?>("--contract") { Description = "The USDT contract (default: the dev chain's)" };
        var apiKey = new Option<string?>("--api-key") { Description = "TronGrid API key, when --node is TronGrid" };
        var command = new Command("send-usdt", "Build a TRC20 transfer on the node's head block (TAPOS), sign it, broadcast it, print the TXID")
        {
            node, fromKey, to, amount, contract, apiKey,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (output, error) = Writers(parse);
            if (!Micros.TryParseUsdt(parse.GetValue(amount), out var micros, out var amountError) || !micros.IsPositive)
            {
                error.WriteLine(amountError ?? "The amount must be positive.");
                return 1;
            }

            if (!TronAddress.TryParse(parse.GetValue(to), out var recipient, out var toError))
            {
                error.WriteLine($"--to: {toError}.");
                return 1;
            }

            var token = DevChainContracts.Usdt;
            if (parse.GetValue(contract) is { } contractText && !TronAddress.TryParse(contractText, out token, out var contractError))
            {
                error.WriteLine($"--contract: {contractError}.");
                return 1;
            }

            if (!TryNodeUrl(parse.GetValue(node), error, out var nodeUrl))
            {
                return 1;
            }

            var keyHex = parse.GetValue(fromKey)!;
            if (keyHex == "-")
            {
                keyHex = Console.In.ReadLine()?.Trim() ?? string.Empty;
            }

            try
            {
                using var key = TronKey.FromHex(keyHex);
                using var services = NodeServices(nodeUrl, parse.GetValue(apiKey));
                var client = services.GetRequiredService<ITronNode>();
                var head = await client.GetNowBlockAsync(NodeView.Head, cancellationToken);
                var raw = TransactionRaw.Create(
                    head.ToTapos(),
                    head.Timestamp.AddSeconds(60).ToUnixTimeMilliseconds(),
                    DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                    DefaultFeeLimitSun,
                    new TriggerSmartContract(key.Address, token, 0, Trc20.EncodeTransfer(recipient, (ulong)micros.Value)));
                var signed = SignedTransaction.Sign(raw, key);
                var result = await client.BroadcastHexAsync(signed.ToHex(), cancellationToken);
                if (!result.Result)
                {
                    error.WriteLine($"The node refused {signed.TxIdHex}: {result.Code} {result.Message}");
                    return 1;
                }

                output.WriteLine(signed.TxIdHex);
                return 0;
            }
            catch (Exception e) when (e is FormatException or TronNodeException)
            {
                error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command Faucet()
    {
        var node = NodeOption();
        var to = new Option<string>("--to") { Description = "Recipient address (base58 T… or hex 41…)", Required = true };
        var amount = new Option<string>("--amount") { Description = "How much, up to 6 decimals (USDT, or TRX with --token TRX)", Required = true };
        var token = new Option<FaucetToken>("--token") { Description = "Usdt (default), Trx or FakeUsdt", DefaultValueFactory = _ => FaucetToken.Usdt };
        var command = new Command("faucet", "Ask a dev chain's faucet for test USDT or TRX; prints the TXID") { node, to, amount, token };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (output, error) = Writers(parse);
            // USDT and TRX both have 6 decimals: µUSDT and sun parse alike.
            if (!Micros.TryParseUsdt(parse.GetValue(amount), out var baseUnits, out var amountError) || !baseUnits.IsPositive)
            {
                error.WriteLine(amountError ?? "The amount must be positive.");
                return 1;
            }

            if (!TryNodeUrl(parse.GetValue(node), error, out var nodeUrl))
            {
                return 1;
            }

            using var http = new HttpClient { BaseAddress = WithSlash(nodeUrl) };
            var body = new { to = parse.GetValue(to), token = parse.GetValue(token).ToString(), amount = baseUnits.Value };
            return await Call(http.PostAsJsonAsync("faucet", body, cancellationToken), output, error, json => json.GetProperty("txid").GetString()!, cancellationToken);
        });
        return command;
    }

    private static Command Info()
    {
        var node = NodeOption();
        var command = new Command("info", "The dev chain's contracts, faucet address and heads") { node };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (output, error) = Writers(parse);
            if (!TryNodeUrl(parse.GetValue(node), error, out var nodeUrl))
            {
                return 1;
            }

            using var http = new HttpClient { BaseAddress = WithSlash(nodeUrl) };
            return await Call(http.GetAsync("info", cancellationToken), output, error, json => json.ToString(), cancellationToken);
        });
        return command;
    }

    private static async Task<int> Call(Task<HttpResponseMessage> request, TextWriter output, TextWriter error, Func<JsonElement, string> print, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await request;
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (!response.IsSuccessStatusCode || json.RootElement.TryGetProperty("Error", out _))
            {
                error.WriteLine(json.RootElement.TryGetProperty("Error", out var e) ? e.GetString() : $"HTTP {(int)response.StatusCode}");
                return 1;
            }

            output.WriteLine(print(json.RootElement));
            return 0;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            error.WriteLine($"The node did not answer: {e.Message}");
            return 1;
        }
    }

    private static ServiceProvider NodeServices(Uri baseUrl, string? apiKey)
    {
        var services = new ServiceCollection();
        services.AddTronNode(o =>
        {
            o.BaseUrl = baseUrl;
            o.ApiKey = apiKey;
            o.MaxRetries = 2;
        });
        return services.BuildServiceProvider();
    }

    private static bool TryNodeUrl(string? text, TextWriter error, out Uri url)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out url!) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return true;
        }

        error.WriteLine($"--node: '{text}' is not an http(s) URL.");
        return false;
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static (TextWriter Output, TextWriter Error) Writers(ParseResult parse) =>
        (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
}
