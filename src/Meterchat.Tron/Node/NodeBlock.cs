using Meterchat.Tron.Encoding;
using Meterchat.Tron.Transactions;

namespace Meterchat.Tron.Node;

/// <summary>A block as <c>getnowblock</c> reports it: number, 32-byte id (hex) and timestamp.</summary>
public sealed record NodeBlock(long Number, string BlockId, DateTimeOffset Timestamp)
{
    /// <summary>The TAPOS reference a transaction built on this block carries.</summary>
    public Tapos ToTapos() => Tapos.FromBlock(Number, Hex.Parse(BlockId));
}
