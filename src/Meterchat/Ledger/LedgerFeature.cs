using Meterchat.Observability;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meterchat.Ledger;

public static class LedgerFeature
{
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        // The ledger records its batch sizes; operator verbs build a host without the web's observability.
        services.AddMetrics();
        services.TryAddSingleton<MeterchatMetrics>();
        services.AddSingleton<LedgerAccountIds>();
        services.AddSingleton<SqlTransferWriter>();
        services.AddSingleton<ILedger, SqlLedger>();
        services.AddScoped<LedgerAuditor>();
        services.AddScoped<UserLiabilities>();
        services.AddSingleton<BalancePush>();
        return services;
    }
}
