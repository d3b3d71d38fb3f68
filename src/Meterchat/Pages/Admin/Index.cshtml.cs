using System.Globalization;
using Meterchat.Accounts;
using Meterchat.Admin.Dashboard;
using Meterchat.Ledger;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Admin;

/// <summary>The dashboard: what runs now, today's money, liabilities against reserves, and three charts.</summary>
[Authorize(Policy = AccountPolicies.Admin)]
public sealed class IndexModel(AdminDashboard dashboard) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    public AuditReport Audit { get; private set; } = null!;

    public IReadOnlyList<BarChart> Charts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        (View, Audit) = await dashboard.RunWithAuditAsync(ct);
        var days = View.Days.Select(d => d.Day.ToString("MM-dd", CultureInfo.InvariantCulture)).ToList();
        static string Usdt(long micros) => new Micros(micros).ToUsdtString();
        static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        Charts =
        [
            new BarChart("revenue", "Platform income per day (USDT)",
                $"Commission and fees booked per UTC day over the last {AdminDashboard.DayCount} days, ending today.",
                days, [new ChartSeries("Income", "series-a", [.. View.Days.Select(d => d.RevenueMicros)])], Usdt, LabelEvery: 5),
            new BarChart("money", "Deposits and payouts per day (USDT)",
                $"USDT credited from deposits and USDT paid out per UTC day over the last {AdminDashboard.DayCount} days.",
                days,
                [
                    new ChartSeries("Deposits", "series-a", [.. View.Days.Select(d => d.DepositMicros)]),
                    new ChartSeries("Payouts", "series-b", [.. View.Days.Select(d => d.PayoutMicros)]),
                ],
                Usdt, LabelEvery: 5),
            new BarChart("sessions", "Chats per hour",
                $"Chats requested and chats billed per UTC hour over the last {AdminDashboard.HourCount} hours.",
                [.. View.Hours.Select(h => h.Hour.ToString("HH", CultureInfo.InvariantCulture) + "h")],
                [
                    new ChartSeries("Requested", "series-b", [.. View.Hours.Select(h => (long)h.Requested)]),
                    new ChartSeries("Billed", "series-a", [.. View.Hours.Select(h => (long)h.Billed)]),
                ],
                Count, LabelEvery: 3),
        ];
    }
}
