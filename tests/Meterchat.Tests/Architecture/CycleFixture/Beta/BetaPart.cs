using Meterchat.Tests.Architecture.CycleFixture.Alpha;

namespace Meterchat.Tests.Architecture.CycleFixture.Beta;

/// <summary>The other half of the deliberate cycle.</summary>
public sealed class BetaPart
{
    public AlphaPart? Other { get; set; }
}
