using Meterchat.Tron.Encoding;
using Meterchat.Tron.Node;

namespace Meterchat.IntegrationTests.Deposits;

/// <summary>A node that can be switched off: every call throws <see cref="TronNodeException"/> while <see cref="Down"/>.</summary>
internal sealed class FlakyNode(Func<ITronNode> inner) : ITronNode
{
    public bool Down { get; set; }

    public int FailedCalls { get; private set; }

    private ITronNode Inner
    {
        get
        {
            if (Down)
            {
                FailedCalls++;
                throw new TronNodeException("The node is down (test).");
            }

            return inner();
        }
    }

    public Task<NodeTransaction?> GetTransactionByIdAsync(string txId, CancellationToken cancellationToken = default) => Inner.GetTransactionByIdAsync(txId, cancellationToken);

    public Task<TransactionInfo?> GetTransactionInfoByIdAsync(string txId, NodeView view = NodeView.Head, CancellationToken cancellationToken = default) =>
        Inner.GetTransactionInfoByIdAsync(txId, view, cancellationToken);

    public Task<NodeBlock> GetNowBlockAsync(NodeView view = NodeView.Head, CancellationToken cancellationToken = default) => Inner.GetNowBlockAsync(view, cancellationToken);

    public Task<IReadOnlyList<TransactionInfo>> GetTransactionInfoByBlockNumAsync(long blockNumber, CancellationToken cancellationToken = default) =>
        Inner.GetTransactionInfoByBlockNumAsync(blockNumber, cancellationToken);

    public Task<ConstantCallResult> TriggerConstantContractAsync(TronAddress owner, TronAddress contract, string functionSelector, string parameterHex, CancellationToken cancellationToken = default) =>
        Inner.TriggerConstantContractAsync(owner, contract, functionSelector, parameterHex, cancellationToken);

    public Task<NodeAccount?> GetAccountAsync(TronAddress address, CancellationToken cancellationToken = default) => Inner.GetAccountAsync(address, cancellationToken);

    public Task<BroadcastResult> BroadcastHexAsync(string transactionHex, CancellationToken cancellationToken = default) => Inner.BroadcastHexAsync(transactionHex, cancellationToken);
}
