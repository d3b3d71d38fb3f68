namespace Meterchat.Hosting;

/// <summary>The production switch: in the Production environment, refuse to start unless the configuration is complete.</summary>
public static class ProductionFeature
{
    public static IHostApplicationBuilder AddProductionChecks(this IHostApplicationBuilder builder)
    {
        if (!builder.Environment.IsProduction())
        {
            return builder;
        }

        var problems = ProductionConfiguration.Problems(builder.Configuration, File.Exists);
        if (problems.Count > 0)
        {
            throw new ProductionConfigurationException(problems);
        }

        return builder;
    }

    /// <summary>True when this app is the process itself (not hosted by a test's WebApplicationFactory).</summary>
    public static bool IsOwnProcess => System.Reflection.Assembly.GetEntryAssembly() == typeof(ProductionFeature).Assembly;
}

/// <summary>Production is missing settings: the message lists each one (names only, never values).</summary>
public sealed class ProductionConfigurationException(IReadOnlyList<string> problems)
    : Exception(
        $"Meterchat will not start in Production: {problems.Count} setting(s) required in Production are missing or invalid (see docs/deploy.md):"
        + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
