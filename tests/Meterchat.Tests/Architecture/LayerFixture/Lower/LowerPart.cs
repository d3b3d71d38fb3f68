namespace Meterchat.Tests.Architecture.LayerFixture.Lower;

/// <summary>The lower layer: it knows nothing above it.</summary>
public sealed class LowerPart
{
    public int Value { get; set; }
}
