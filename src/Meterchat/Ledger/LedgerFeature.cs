namespace Meterchat.Ledger;

public static class LedgerFeature
{
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddSingleton<ILedger, SqlLedger>();
        services.AddScoped<LedgerAuditor>();
        return services;
    }
}
