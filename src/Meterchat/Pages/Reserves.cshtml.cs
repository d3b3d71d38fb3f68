using Meterchat.Reserves;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages;

/// <summary>The public proof of reserves: published snapshots for anyone; a signed-in user checks their own line in the page.</summary>
[AllowAnonymous]
public sealed class ReservesModel(ReservesSnapshots snapshots) : PageModel
{
    public IReadOnlyList<SnapshotView> Snapshots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Snapshots = await snapshots.ListAsync(ct);
}
