using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;

namespace Meterchat.Tron.Node;

/// <summary>
/// A transaction as <c>gettransactionbyid</c> returns it. <see cref="TxId"/> is recomputed from
/// <see cref="RawDataHex"/> (the client refuses a reply whose txID does not match), and
/// <see cref="ContractRet"/> is <c>ret[0].contractRet</c> (SUCCESS, REVERT, OUT_OF_ENERGY…) when present.
/// </summary>
public sealed record NodeTransaction(string TxId, string RawDataHex, IReadOnlyList<string> Signatures, string? ContractRet)
{
    /// <summary>The raw bytes and signatures, ready to decode, verify or rebroadcast.</summary>
    public SignedTransaction ToSignedTransaction() =>
        new(Hex.Parse(RawDataHex), [.. Signatures.Select(Hex.Parse)]);
}
