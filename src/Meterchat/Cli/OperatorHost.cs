namespace Meterchat.Cli;

/// <summary>
/// The host an operator verb runs in. It takes the same environment as the web host: ASPNETCORE_ENVIRONMENT first
/// (what <c>dotnet run</c> sets from the launch profile), then DOTNET_ENVIRONMENT, else Production. A plain
/// <c>Host.CreateApplicationBuilder()</c> reads DOTNET_ENVIRONMENT only, so under <c>dotnet run</c> it ran as Production
/// with the development database settings.
/// </summary>
public static class OperatorHost
{
    public static HostApplicationBuilder CreateBuilder() => Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
    {
        EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } name ? name : null,
    });
}
