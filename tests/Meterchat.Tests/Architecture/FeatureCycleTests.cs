using ArchUnitNET.Loader;

namespace Meterchat.Tests.Architecture;

/// <summary>
/// The features form a stack (docs/architecture.md, "The stack"): a namespace right under <c>Meterchat.</c> is a slice
/// (<c>Meterchat.Chats.Live</c> counts as Chats), and no two slices reach each other, however indirectly.
/// </summary>
public sealed class FeatureCycleTests
{
    [Fact]
    public void Feature_namespaces_reference_each_other_in_one_direction_only()
    {
        var cycles = SliceCycles.Under(AppCode.Architecture, "Meterchat");

        Assert.True(cycles.Count == 0, string.Join(Environment.NewLine, cycles));
    }

    [Fact]
    public void The_cycle_check_reports_two_namespaces_that_reference_each_other_and_passes_a_stack()
    {
        var fixture = new ArchLoader().LoadAssemblies(typeof(FeatureCycleTests).Assembly).Build();

        var cycle = Assert.Single(SliceCycles.Under(fixture, "Meterchat.Tests.Architecture.CycleFixture"));
        Assert.Contains("Alpha -> Beta: Meterchat.Tests.Architecture.CycleFixture.Alpha.AlphaPart -> Meterchat.Tests.Architecture.CycleFixture.Beta.BetaPart", cycle, StringComparison.Ordinal);
        Assert.Empty(SliceCycles.Under(fixture, "Meterchat.Tests.Architecture.LayerFixture"));
    }
}
