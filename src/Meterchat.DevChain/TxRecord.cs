using Meterchat.Tron.Transactions;

namespace Meterchat.DevChain;

/// <summary>A transaction in a block, with what its execution did.</summary>
internal sealed record TxRecord(SignedTransaction Transaction, long BlockNumber, long BlockTimestamp, TxOutcome Outcome)
{
    public string TxId => Transaction.TxIdHex;
}
