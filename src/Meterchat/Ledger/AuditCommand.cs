using System.CommandLine;
using Meterchat.Data;

namespace Meterchat.Ledger;

/// <summary><c>audit</c>: prints the ledger's invariants; exit code 1 when one fails.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "Check the ledger's invariants (sum zero, no negative user, liabilities explained); exit 1 on failure.");
        command.SetAction(async (_, ct) =>
        {
            var builder = Cli.OperatorHost.CreateBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddData();
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddLedger();
            using var host = builder.Build();
            await host.MigrateDatabaseAsync();
            await using var scope = host.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<LedgerAuditor>().RunAsync(ct);
            foreach (var check in report.Checks)
            {
                Console.WriteLine($"{(check.Passed ? "PASS" : "FAIL")}  {check.Name}: {check.Detail}");
            }

            Console.WriteLine(report.Passed ? "Audit passed." : "Audit FAILED.");
            return report.Passed ? 0 : 1;
        });
        return command;
    }
}
