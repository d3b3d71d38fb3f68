using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meterchat.DevChain;

/// <summary>
/// An embedded TRON-compatible chain for development and tests. It keeps TRX and TRC20 balances,
/// verifies and executes signed transactions (TRX transfers and calls to its own USDT, fake USDT
/// and router contracts), produces blocks with real ids, emits real Transfer logs and serves the
/// java-tron HTTP subset the app uses (<see cref="DevChainEndpoints.MapDevChain"/>,
/// <see cref="CreateHttpHandler"/>). Thread-safe: one lock guards the whole state.
/// </summary>
public sealed partial class DevChainNode : IDisposable
{
    public const int BlockVersion = 32;

    /// <summary>How far back a TAPOS reference may point: java-tron keeps 65,536 recent blocks.</summary>
    public const int TaposWindow = 65_536;

    /// <summary>The furthest in the future a transaction may expire, counted from the head block.</summary>
    public static readonly TimeSpan MaxExpiration = TimeSpan.FromHours(24);

    private readonly Lock _lock = new();
    private readonly DevChainOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TronKey _faucet;
    private readonly TronKey _witness;
    private readonly Dictionary<TronAddress, AccountState> _accounts = [];
    private readonly Dictionary<TronAddress, TokenContract> _tokens = [];
    private readonly Dictionary<long, BlockRecord> _blocks = [];
    private readonly Dictionary<string, TxRecord> _transactions = new(StringComparer.Ordinal);
    private readonly List<SignedTransaction> _pending = [];
    private BlockRecord _head = null!;

    public DevChainNode(DevChainOptions? options = null, TimeProvider? time = null, ILogger<DevChainNode>? logger = null)
    {
        _options = options ?? new DevChainOptions();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<DevChainNode>.Instance;
        _faucet = TronKey.FromHex(_options.FaucetPrivateKey ?? Hex.ToHex(Keccak256.Hash("meterchat devchain faucet")));
        _witness = TronKey.FromBytes(Keccak256.Hash("meterchat devchain witness"));

        if (_options.StatePath is { } path && File.Exists(path))
        {
            Load(path);
            _logger.LogInformation("Dev chain loaded from {Path} at block {Block}", path, _head.Number);
        }
        else
        {
            Genesis();
        }
    }

    /// <summary>The dev chain's USDT: TRC20, symbol USDT, 6 decimals (<see cref="DevChainContracts.Usdt"/>).</summary>
    public TronAddress Usdt => DevChainContracts.Usdt;

    /// <summary>A look-alike token: same name, symbol and decimals as <see cref="Usdt"/>, another address.</summary>
    public TronAddress FakeUsdt => DevChainContracts.FakeUsdt;

    /// <summary>The router contract (<see cref="DevChainRouter"/>).</summary>
    public TronAddress Router => DevChainContracts.Router;

    /// <summary>The faucet's address: funded at genesis with TRX, USDT and fake USDT.</summary>
    public TronAddress FaucetAddress => _faucet.Address;

    public DevChainOptions Options => _options;

    /// <summary>The witness that seals every block (the chain's only super representative).</summary>
    internal Tron.Encoding.TronAddress WitnessAddress => _witness.Address;

    public DevChainBlock Head
    {
        get
        {
            lock (_lock)
            {
                return ToPublic(_head);
            }
        }
    }

    /// <summary>The solidified head: <see cref="DevChainOptions.SolidityLag"/> blocks behind the head (block 0 at the start).</summary>
    public DevChainBlock SolidifiedHead
    {
        get
        {
            lock (_lock)
            {
                return ToPublic(SolidifiedLocked());
            }
        }
    }

    public IReadOnlyList<string> PendingTransactionIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _pending.Select(t => t.TxIdHex)];
            }
        }
    }

    /// <summary>TRX in sun; 0 for an address never activated.</summary>
    public long GetTrxBalance(TronAddress address)
    {
        lock (_lock)
        {
            return _accounts.TryGetValue(address, out var account) ? account.BalanceSun : 0;
        }
    }

    /// <summary>True once the address has received TRX (a token transfer does not activate an account, as on mainnet).</summary>
    public bool IsActivated(TronAddress address)
    {
        lock (_lock)
        {
            return _accounts.ContainsKey(address);
        }
    }

    /// <summary>balanceOf(holder) of one of the chain's tokens, in base units.</summary>
    public long GetTokenBalance(TronAddress token, TronAddress holder)
    {
        lock (_lock)
        {
            return _tokens.TryGetValue(token, out var contract)
                ? contract.BalanceOf(holder)
                : throw new ArgumentException($"{token} is not a token of the dev chain.", nameof(token));
        }
    }

    /// <summary>The block with that number, or null (never produced, or an old empty block the chain no longer keeps).</summary>
    public DevChainBlock? GetBlock(long number)
    {
        lock (_lock)
        {
            return _blocks.TryGetValue(number, out var block) ? ToPublic(block) : null;
        }
    }

    /// <summary>Serves the chain's HTTP API in memory: give it to an HttpClient (base address anything, e.g. http://devchain/).</summary>
    public HttpMessageHandler CreateHttpHandler() => new DevChainHttpHandler(new DevChainApi(this));

    public void Dispose()
    {
        _faucet.Dispose();
        _witness.Dispose();
    }

    private static DevChainBlock ToPublic(BlockRecord block) =>
        new(block.Number, Hex.ToHex(block.Id), DateTimeOffset.FromUnixTimeMilliseconds(block.Timestamp), block.TxIds);

    private BlockRecord SolidifiedLocked()
    {
        var number = Math.Max(0, _head.Number - _options.SolidityLag);
        return _blocks.TryGetValue(number, out var block) ? block : _head;
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private void Genesis()
    {
        var now = NowMs();
        _accounts[_faucet.Address] = new AccountState(_options.GenesisFaucetSun, now);
        foreach (var (address, name) in new[] { (Usdt, "Tether USD"), (FakeUsdt, "Tether USD") })
        {
            var token = new TokenContract(address, name, "USDT", 6);
            token.Balances[_faucet.Address] = _options.GenesisFaucetUsdt;
            _tokens[address] = token;
        }

        var genesis = SealBlock(0, now, new byte[32], []);
        _blocks[0] = genesis;
        _head = genesis;
    }

    private BlockRecord SealBlock(long number, long timestamp, byte[] parentHash, IReadOnlyList<string> txIds)
    {
        var root = txIds.Count == 0
            ? new byte[32]
            : System.Security.Cryptography.SHA256.HashData(txIds.SelectMany(Hex.Parse).ToArray());
        var header = new BlockHeaderRaw(number, timestamp, root, parentHash, _witness.Address, BlockVersion);
        return new BlockRecord(number, header.BlockId(), timestamp, parentHash, root, _witness.Sign(header.Hash()), txIds);
    }
}
