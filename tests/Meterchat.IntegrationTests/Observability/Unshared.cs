namespace Meterchat.IntegrationTests.Observability;

/// <summary>
/// Tests that read process-wide figures (the <c>Meterchat</c> meter of every app in the test process feeds each
/// app's exporter) run alone, after the parallel tests, so the counts are this test's own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Unshared
{
    public const string Name = "Unshared metrics";
}
