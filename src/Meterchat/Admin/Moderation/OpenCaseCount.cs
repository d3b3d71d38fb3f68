using Meterchat.Data;
using Meterchat.Sellers;
using Meterchat.Trust.Disputes;

namespace Meterchat.Admin.Moderation;

/// <summary>Counts the open disputes and reports for the console's nav and dashboard (two indexed COUNTs).</summary>
public sealed class OpenCaseCount(AppDbContext db)
{
    public async Task<OpenCases> CountAsync(CancellationToken ct = default) => new(
        await OpenDisputes.CountAsync(db, ct),
        await OpenReports.CountAsync(db, ct));
}
