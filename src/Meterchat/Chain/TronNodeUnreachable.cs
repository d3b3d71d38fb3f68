using Meterchat.Ledger;
using Meterchat.Tron.Node;

namespace Meterchat.Chain;

/// <summary>
/// What the admin's treasury and audit views say when the TRON node cannot be read (refused, timed out, or an
/// error answer: a <see cref="TronNodeException"/>): the TRON figures are unknown, never shown as zero.
/// </summary>
public static class TronNodeUnreachable
{
    public const string Reason = "The TRON node could not be reached; TRON balances are unknown right now.";

    /// <summary>
    /// One audit line read from the TRON node, or, when the node cannot be read, the same line with no value and
    /// <see cref="Reason"/>: shown and not counted, so the audit never passes or fails on a figure it does not have.
    /// </summary>
    public static async Task<IReadOnlyList<ReservesLine>> LineAsync(string name, Func<Task<Micros>> read, ILogger logger)
    {
        try
        {
            return [new ReservesLine(name, await read(), "USDT read from the chain")];
        }
        catch (TronNodeException e)
        {
            logger.LogWarning(e, "Reserves line {Line}: the TRON node could not be read", name);
            return [new ReservesLine(name, null, Reason)];
        }
    }
}
