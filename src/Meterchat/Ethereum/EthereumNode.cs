using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Contracts.Standards.ERC20.ContractDefinition;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.Fee1559Suggestions;
using Nethereum.Signer;
using Nethereum.Web3;

namespace Meterchat.Ethereum;

/// <summary>
/// The platform's view of one Ethereum node, a thin layer over Nethereum's JSON-RPC client: blocks, receipts,
/// balances, EIP-1559 fees, and signing and broadcasting for one hot wallet. Nothing connects until a method is
/// called, so registering it needs no node. Nethereum's calls take no CancellationToken: each call here stops
/// waiting when the token fires, and the HTTP request itself ends at <see cref="EthereumOptions.RequestTimeout"/>.
/// </summary>
public sealed class EthereumNode : IDisposable
{
    private readonly EthereumOptions _options;
    private readonly Lazy<Web3> _web3;
    private readonly SemaphoreSlim _signing = new(1, 1);
    private readonly Dictionary<EthereumAddress, BigInteger> _lastNonce = [];

    public EthereumNode(EthereumOptions options, HttpClient http)
    {
        _options = options;
        _web3 = new Lazy<Web3>(() =>
        {
            if (!options.Enabled)
            {
                throw new InvalidOperationException("Ethereum is off: set Ethereum:RpcUrl to a node's JSON-RPC URL (docs/ethereum.md).");
            }

            http.Timeout = options.RequestTimeout;
            return new Web3(new RpcClient(new Uri(options.RpcUrl!), http));
        });
    }

    public EthereumOptions Options => _options;

    private Web3 Web3 => _web3.Value;

    public async Task<long> ChainIdAsync(CancellationToken ct) =>
        (long)(await Call(Web3.Eth.ChainId.SendRequestAsync(), ct)).Value;

    public async Task<long> LatestBlockNumberAsync(CancellationToken ct) =>
        (long)(await Call(Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync(), ct)).Value;

    /// <summary>The node's <c>finalized</c> block, or null where the node has no such tag (pre-merge, some dev nodes).</summary>
    public async Task<long?> FinalizedBlockNumberAsync(CancellationToken ct)
    {
        try
        {
            var tag = new BlockParameter();
            tag.SetValue(BlockParameter.BlockParameterType.finalized);
            var block = await Call(Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(tag), ct);
            return block is null ? null : (long)block.Number.Value;
        }
        catch (RpcResponseException)
        {
            return null;
        }
    }

    /// <summary>
    /// The newest block whose transactions count as final: the <c>finalized</c> tag when configured and supported,
    /// else the latest block less <see cref="EthereumOptions.Confirmations"/>. -1 while the chain is shorter.
    /// </summary>
    public async Task<long> FinalBlockNumberAsync(CancellationToken ct)
    {
        if (_options.UseFinalizedTag && await FinalizedBlockNumberAsync(ct) is { } finalized)
        {
            return finalized;
        }

        return Math.Max(-1, await LatestBlockNumberAsync(ct) - _options.Confirmations);
    }

    /// <summary>A block with its full transactions, or null beyond the head.</summary>
    public Task<BlockWithTransactions?> BlockAsync(long number, CancellationToken ct) =>
        Call<BlockWithTransactions?>(Web3.Eth.Blocks.GetBlockWithTransactionsByNumber.SendRequestAsync(new HexBigInteger(number)), ct);

    /// <summary>The topic of the ERC-20 (and ERC-721) <c>Transfer(address,address,uint256)</c> event.</summary>
    public const string TransferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    /// <summary>
    /// <c>eth_getLogs</c>: the <c>Transfer</c> logs the given contracts emitted in blocks <paramref name="from"/> to
    /// <paramref name="to"/> (one call for a range, instead of one receipt per transaction). Reverted transactions emit none.
    /// </summary>
    public async Task<IReadOnlyList<FilterLog>> TransferLogsAsync(long from, long to, IReadOnlyCollection<EthereumAddress> contracts, CancellationToken ct)
    {
        if (contracts.Count == 0)
        {
            return [];
        }

        var filter = new NewFilterInput
        {
            FromBlock = new BlockParameter(new HexBigInteger(from)),
            ToBlock = new BlockParameter(new HexBigInteger(to)),
            Address = [.. contracts.Select(c => c.Lower)],
            Topics = [TransferTopic],
        };
        return await Call(Web3.Eth.Filters.GetLogs.SendRequestAsync(filter), ct) ?? [];
    }

    public Task<Transaction?> TransactionAsync(string hash, CancellationToken ct) =>
        Call<Transaction?>(Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(hash), ct);

    /// <summary>The receipt (status, logs), or null while the transaction is not mined.</summary>
    public Task<TransactionReceipt?> ReceiptAsync(string hash, CancellationToken ct) =>
        Call<TransactionReceipt?>(Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash), ct);

    /// <summary>The ETH balance in wei at the latest block.</summary>
    public async Task<BigInteger> EtherBalanceAsync(EthereumAddress address, CancellationToken ct) =>
        (await Call(Web3.Eth.GetBalance.SendRequestAsync(address.Lower), ct)).Value;

    /// <summary>ERC-20 <c>balanceOf</c> in the token's base unit.</summary>
    public Task<BigInteger> TokenBalanceAsync(EthereumAddress token, EthereumAddress holder, CancellationToken ct) =>
        Call(Web3.Eth.ERC20.GetContractService(token.Lower).BalanceOfQueryAsync(holder.Lower), ct);

    /// <summary>
    /// The EIP-1559 fee for a transaction: the node's gas estimate plus a fifth (state may change before it is
    /// mined; unused gas is not charged), and twice the base fee plus a tip as the most per gas.
    /// </summary>
    public async Task<EthereumFee> EstimateFeeAsync(EthereumAddress from, EthereumAddress? to, BigInteger value, byte[]? data, CancellationToken ct)
    {
        var call = new CallInput
        {
            From = from.Lower,
            To = to?.Lower,
            Value = new HexBigInteger(value),
            Data = data is { Length: > 0 } ? data.ToHex(true) : null,
        };
        var gas = (await Call(Web3.Eth.Transactions.EstimateGas.SendRequestAsync(call), ct)).Value;
        var suggested = await Call(new SimpleFeeSuggestionStrategy(Web3.Client).SuggestFeeAsync(), ct);
        return new EthereumFee(suggested.MaxFeePerGas ?? throw new InvalidOperationException("The node suggested no max fee."),
            suggested.MaxPriorityFeePerGas ?? BigInteger.Zero, gas + gas / 5);
    }

    /// <summary>The fee of an ERC-20 <c>transfer</c> of <paramref name="amount"/> from <paramref name="from"/>.</summary>
    public Task<EthereumFee> EstimateTokenTransferFeeAsync(EthereumAddress from, EthereumAddress token, EthereumAddress to, BigInteger amount, CancellationToken ct) =>
        EstimateFeeAsync(from, token, BigInteger.Zero, TokenTransferData(to, amount), ct);

    /// <summary>The next nonce per the node, counting transactions still waiting in its pool.</summary>
    public async Task<BigInteger> PendingNonceAsync(EthereumAddress address, CancellationToken ct) =>
        (await Call(Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(address.Lower, BlockParameter.CreatePending()), ct)).Value;

    /// <summary>The nonce after the sender's last <b>mined</b> transaction: a nonce below it is used for good.</summary>
    public async Task<BigInteger> MinedNonceAsync(EthereumAddress address, CancellationToken ct) =>
        (await Call(Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(address.Lower, BlockParameter.CreateLatest()), ct)).Value;

    /// <summary>
    /// Tells the signer that <paramref name="nonce"/> is held by a transaction stored elsewhere (e.g. a payout row saved
    /// before a restart and not yet broadcast), so the next signature uses a higher one even if the node never saw it.
    /// </summary>
    public async Task NoteNonceInUseAsync(EthereumAddress from, BigInteger nonce, CancellationToken ct)
    {
        await _signing.WaitAsync(ct);
        try
        {
            if (!_lastNonce.TryGetValue(from, out var last) || last < nonce)
            {
                _lastNonce[from] = nonce;
            }
        }
        finally
        {
            _signing.Release();
        }
    }

    /// <summary>
    /// Builds and signs (does not send) a transaction from the hot wallet with the next nonce: the node's pending
    /// nonce, or one past the last this process signed if that is higher (a signed transaction the caller has not
    /// broadcast yet still holds its nonce). One at a time, so two payouts never get the same nonce.
    /// </summary>
    /// <param name="fee">Null: estimated now. Given: used as is (a replacement, or a call the node would refuse to estimate).</param>
    public async Task<SignedEthereumTransaction> SignNextAsync(EthECKey key, EthereumAddress? to, BigInteger value, byte[]? data, EthereumFee? fee, CancellationToken ct)
    {
        var from = EthereumAddress.Parse(key.GetPublicAddress());
        await _signing.WaitAsync(ct);
        try
        {
            var nonce = await PendingNonceAsync(from, ct);
            if (_lastNonce.TryGetValue(from, out var last) && last >= nonce)
            {
                nonce = last + 1;
            }

            fee ??= await EstimateFeeAsync(from, to, value, data, ct);
            var signed = EthereumSigner.Sign(key, _options.ChainId, nonce, fee, to, value, data);
            _lastNonce[from] = nonce;
            return signed;
        }
        finally
        {
            _signing.Release();
        }
    }

    /// <summary>Signs an ERC-20 <c>transfer(to, amount)</c> on <paramref name="token"/> from the hot wallet.</summary>
    public Task<SignedEthereumTransaction> SignTokenTransferAsync(EthECKey key, EthereumAddress token, EthereumAddress to, BigInteger amount, CancellationToken ct) =>
        SignNextAsync(key, token, BigInteger.Zero, TokenTransferData(to, amount), null, ct);

    /// <summary>
    /// Sends signed bytes and returns the hash; sending the same bytes again is harmless. Bytes the node already
    /// has (pooled or mined) are not sent again: a real node would refuse them, but ganache 7.9 executes a replayed
    /// raw transaction a second time, so the platform does not rely on the node to refuse. When the node refuses
    /// them for another reason but has the transaction after all (a race with another sender), that is success too.
    /// </summary>
    public async Task<string> BroadcastAsync(byte[] raw, CancellationToken ct)
    {
        var hash = EthereumSigner.HashOf(raw);
        if (await TransactionAsync(hash, ct) is not null)
        {
            return hash;
        }

        try
        {
            var sent = await Call(Web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(raw.ToHex(true)), ct);
            return sent.ToLowerInvariant();
        }
        catch (RpcResponseException)
        {
            if (await TransactionAsync(hash, ct) is null)
            {
                throw;
            }

            return hash;
        }
    }

    /// <summary>
    /// True for the ways a call fails because the node could not be reached or answered with an error (refused,
    /// timed out, an RPC error): what a reader of the node should report as "unavailable" rather than fail on.
    /// </summary>
    public static bool IsUnavailable(Exception e) =>
        e is HttpRequestException or TimeoutException or RpcClientUnknownException or RpcClientTimeoutException or RpcResponseException
            || (e is TaskCanceledException && e.InnerException is TimeoutException);

    public static byte[] TokenTransferData(EthereumAddress to, BigInteger amount) =>
        new TransferFunction { To = to.Lower, Value = amount }.GetCallData();

    public void Dispose() => _signing.Dispose();

    private static async Task<T> Call<T>(Task<T> request, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return await request.WaitAsync(ct);
    }
}
