using Meterchat.Data;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Ledger;

/// <summary>What the audit proves now that the database does not: legs have no foreign keys (they cost every batch a check per row).</summary>
public sealed class LedgerAuditTests
{
    [Fact]
    public async Task The_audit_reports_a_leg_whose_transfer_does_not_exist()
    {
        await using var app = new AppFactory();
        var ledger = app.Services.GetRequiredService<ILedger>();
        var user = Guid.NewGuid().ToString("N");
        Assert.True((await ledger.TransferAsync(TransferRequest.Move("deposit:audit", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(user), Micros.FromUsdt(1)))).Succeeded);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var wallet = await db.Set<LedgerAccount>().Where(a => a.Code == AccountRef.Wallet(user).Code).Select(a => a.Id).SingleAsync();
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "LedgerLegs" ("TransferId", "AccountId", "Amount") VALUES ({987_654_321L}, {wallet}, {0L})""");
        var report = await scope.ServiceProvider.GetRequiredService<LedgerAuditor>().RunAsync();

        var orphans = Assert.Single(report.Checks, c => !c.Passed);
        Assert.Equal(("Every leg belongs to a transfer and an account", "1 legs without their transfer or account"), (orphans.Name, orphans.Detail));
    }
}
