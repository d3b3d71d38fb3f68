using Meterchat.Tests.Architecture.LayerFixture.Lower;

namespace Meterchat.Tests.Architecture.LayerFixture.Upper;

/// <summary>An upper layer that references a lower one: a stack, which the cycle rule must let pass.</summary>
public sealed class UpperPart
{
    public LowerPart? Below { get; set; }
}
