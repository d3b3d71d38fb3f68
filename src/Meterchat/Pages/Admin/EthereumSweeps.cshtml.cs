using Meterchat.Accounts;
using Meterchat.Audit;
using Meterchat.Deposits.Ethereum.Sweeps;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Admin;

/// <summary>Ethereum sweeps with their gas costs; sweep one deposit address, or move unfinished sweeps on.</summary>
[Authorize(Policy = AccountPolicies.Admin)]
public sealed class EthereumSweepsModel(EthereumSweeps sweeps) : PageModel
{
    public IReadOnlyList<EthereumSweepView> Sweeps { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Sweeps = await sweeps.ListAsync(100, ct);

    public async Task<IActionResult> OnPostSweepAsync(string? address, CancellationToken ct)
    {
        var outcome = await sweeps.SweepForAdminAsync(address, AdminActor.From(User), ct);
        if (outcome.Problem is { } problem)
        {
            ModelState.AddModelError(string.Empty, problem.Detail);
        }
        else
        {
            Message = $"Sweep {outcome.Value!.Id}: {outcome.Value.Amount} {outcome.Value.Asset}, {outcome.Value.Status}.";
        }

        Sweeps = await sweeps.ListAsync(100, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAdvanceAsync(CancellationToken ct)
    {
        Message = $"{await sweeps.AdvanceAllAsync(ct)} sweeps still wait for the chain.";
        Sweeps = await sweeps.ListAsync(100, ct);
        return Page();
    }
}
