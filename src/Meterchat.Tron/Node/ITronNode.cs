using Meterchat.Tron.Encoding;

namespace Meterchat.Tron.Node;

/// <summary>
/// The subset of the java-tron HTTP API Meterchat uses. A full node, TronGrid and the dev chain all
/// speak it. "Not found" (the node's <c>{}</c>) is a null result, never an exception; a node that
/// cannot answer throws <see cref="TronNodeException"/>.
/// </summary>
public interface ITronNode
{
    /// <summary><c>/wallet/gettransactionbyid</c>: the signed transaction, or null when the node does not know it.</summary>
    Task<NodeTransaction?> GetTransactionByIdAsync(string txId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>/wallet/gettransactioninfobyid</c> (or <c>/walletsolidity/…</c> for <see cref="NodeView.Solidified"/>):
    /// the receipt and logs, or null while the transaction is not in a block (not in a solidified block).
    /// </summary>
    Task<TransactionInfo?> GetTransactionInfoByIdAsync(string txId, NodeView view = NodeView.Head, CancellationToken cancellationToken = default);

    /// <summary><c>/wallet/getnowblock</c> or <c>/walletsolidity/getnowblock</c>: the head or the solidified head.</summary>
    Task<NodeBlock> GetNowBlockAsync(NodeView view = NodeView.Head, CancellationToken cancellationToken = default);

    /// <summary><c>/wallet/gettransactioninfobyblocknum</c>: every transaction info of one block (empty for an empty block).</summary>
    Task<IReadOnlyList<TransactionInfo>> GetTransactionInfoByBlockNumAsync(long blockNumber, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>/wallet/triggerconstantcontract</c>: a read-only call, e.g. selector "balanceOf(address)" with its
    /// ABI-encoded parameter words as hex. See <see cref="Trc20Queries"/> for the TRC20 reads.
    /// </summary>
    Task<ConstantCallResult> TriggerConstantContractAsync(
        TronAddress owner,
        TronAddress contract,
        string functionSelector,
        string parameterHex,
        CancellationToken cancellationToken = default);

    /// <summary><c>/wallet/getaccount</c>: the TRX balance, or null for an address never activated.</summary>
    Task<NodeAccount?> GetAccountAsync(TronAddress address, CancellationToken cancellationToken = default);

    /// <summary><c>/wallet/broadcasthex</c>: submits a signed transaction (the hex of <c>Transaction{raw_data, signature}</c>).</summary>
    Task<BroadcastResult> BroadcastHexAsync(string transactionHex, CancellationToken cancellationToken = default);
}
