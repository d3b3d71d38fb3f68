using Meterchat.Tests.Architecture.CycleFixture.Beta;

namespace Meterchat.Tests.Architecture.CycleFixture.Alpha;

/// <summary>Half of a deliberate cycle (Alpha → Beta → Alpha) that the cycle rule must report.</summary>
public sealed class AlphaPart
{
    public BetaPart? Other { get; set; }
}
