using Meterchat.Sellers;
using Meterchat.Trust.Ratings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Meterchat.Pages.Sellers;

/// <summary>A seller's public page (anyone may look): rate, rating and the latest reviews with replies, seen before requesting.</summary>
[AllowAnonymous]
public sealed class ShowModel(SellerProfiles profiles, SellerBrowser browser, Ratings ratings) : PageModel
{
    public SellerCard Card { get; private set; } = null!;

    public SellerReviews Reviews { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await profiles.FindAsync(id, ct) is not { } profile || !await browser.IsListedAsync(id, ct) || await ratings.ReviewsAsync(id, ct) is not { } reviews)
        {
            return NotFound();
        }

        Card = SellerBrowser.Card(profile, profile.Tags, profiles.Options);
        Reviews = reviews;
        return Page();
    }
}
