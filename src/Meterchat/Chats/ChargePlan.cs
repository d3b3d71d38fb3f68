namespace Meterchat.Chats;

/// <summary>
/// What the clock does now: charge <see cref="Count"/> units from <see cref="FirstUnit"/> in order, each its own
/// ledger transfer of <see cref="Split"/>; then, if <see cref="StopReason"/> is set, append
/// UnitRefused(<see cref="RefusedUnit"/>, <see cref="StopReason"/>), which ends the session.
/// If the ledger refuses a unit the plan thought would fit, stop there with BalanceExhausted.
/// </summary>
public sealed record ChargePlan(long FirstUnit, long Count, UnitSplit Split, long? RefusedUnit, EndReason? StopReason)
{
    public IEnumerable<long> Units
    {
        get
        {
            for (var k = FirstUnit; k < FirstUnit + Count; k++)
            {
                yield return k;
            }
        }
    }

    public bool IsEmpty => Count == 0 && StopReason is null;
}
