using Meterchat.Accounts;
using Meterchat.Data;
using Meterchat.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Sellers;

/// <summary>Becoming a seller and editing the profile. A rate change only affects requests made after it.</summary>
public sealed class SellerProfiles(AppDbContext db, UserManager<AppUser> users, IOptionsMonitor<SellersOptions> options, TimeProvider time)
{
    /// <summary>The sellers' numbers in force now (rate bounds and tiers).</summary>
    public SellersOptions Options => options.CurrentValue;

    public async Task<Outcome<SellerProfile>> SaveAsync(string userId, ProfileInput input, CancellationToken ct = default)
    {
        var o = options.CurrentValue;
        if (input.RateTokensPerMinute < o.MinRate || input.RateTokensPerMinute > o.MaxRate)
        {
            return new Problem(400, "seller/rate-out-of-bounds", "Rate out of bounds",
                $"The rate must be a whole number of tokens per minute from {o.MinRate} to {o.MaxRate}.");
        }

        var standing = await db.Set<SellerProfile>().AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new { p.RatingCount, p.RatingCentis }).SingleOrDefaultAsync(ct);
        var tier = SellerTier.Progress(standing?.RatingCount ?? 0, standing?.RatingCentis ?? SellersOptions.PriorRatingCentis, o);
        if (input.RateTokensPerMinute > tier.CapTokensPerMinute)
        {
            return new Problem(400, SellerProblems.RateAboveTierCap, "Rate above your tier's cap",
                $"As a {tier.Tier} seller your rate may be at most {tier.CapTokensPerMinute} tokens per minute"
                + (tier.NextTier is { } next ? $"; {next} sellers ({tier.NextRatedChats} rated chats, rating {(tier.NextRatingCentis / 100m)?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}+) may charge up to {tier.NextCapTokensPerMinute}." : "."));
        }

        var name = input.DisplayName?.Trim() ?? "";
        if (name.Length is 0 or > SellersOptions.MaxDisplayName)
        {
            return SellerProblems.Invalid($"The display name must be 1 to {SellersOptions.MaxDisplayName} characters.");
        }

        var bio = input.Bio?.Trim() ?? "";
        if (bio.Length > SellersOptions.MaxBio)
        {
            return SellerProblems.Invalid($"The bio must be at most {SellersOptions.MaxBio} characters.");
        }

        var tags = Normalise(input.Tags);
        var languages = Normalise(input.Languages);
        if (tags is null || languages is null)
        {
            return SellerProblems.Invalid($"At most {SellersOptions.MaxTags} tags and languages, each up to {SellersOptions.MaxTagLength} characters.");
        }

        var profile = await db.Set<SellerProfile>().Include(p => p.Tags).SingleOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is null)
        {
            var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("A signed-in user exists.");
            if (!await users.IsInRoleAsync(user, Roles.Seller))
            {
                await users.AddToRoleAsync(user, Roles.Seller);
            }

            profile = new SellerProfile { UserId = userId, DisplayName = name, CreatedAt = time.GetUtcNow(), IdleSince = time.GetUtcNow() };
            db.Add(profile);
        }

        profile.DisplayName = name;
        profile.Bio = bio;
        profile.RateTokensPerMinute = input.RateTokensPerMinute;
        profile.AutoAccept = input.AutoAccept;
        profile.Tags.Clear();
        profile.Tags.AddRange(tags.Select(t => new SellerTag { SellerId = userId, Kind = TagKind.Tag, Value = t }));
        profile.Tags.AddRange(languages.Select(t => new SellerTag { SellerId = userId, Kind = TagKind.Language, Value = t }));
        await db.SaveChangesAsync(ct);
        return profile;
    }

    public Task<SellerProfile?> FindAsync(string userId, CancellationToken ct = default) =>
        db.Set<SellerProfile>().AsNoTracking().Include(p => p.Tags).SingleOrDefaultAsync(p => p.UserId == userId, ct);

    /// <summary>The seller's rating as the profile stores it, or null when there is no such seller.</summary>
    public async Task<(int Centis, int Count)?> RatingAsync(string sellerId, CancellationToken ct = default) =>
        await db.Set<SellerProfile>().AsNoTracking().Where(p => p.UserId == sellerId).Select(p => new { p.RatingCentis, p.RatingCount }).SingleOrDefaultAsync(ct)
            is { } r ? (r.RatingCentis, r.RatingCount) : null;

    /// <summary>Stores a rating Trust recomputed and lowers the rate to the cap of the tier it now gives.</summary>
    public Task ApplyRatingAsync(string sellerId, int centis, int count, CancellationToken ct = default)
    {
        var cap = SellerTier.CapOf(count, centis, options.CurrentValue);
        return db.Set<SellerProfile>().Where(p => p.UserId == sellerId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RatingCentis, centis).SetProperty(p => p.RatingCount, count)
                .SetProperty(p => p.RateTokensPerMinute, p => p.RateTokensPerMinute > cap ? cap : p.RateTokensPerMinute), ct);
    }

    private static List<string>? Normalise(IReadOnlyList<string>? values)
    {
        var list = (values ?? []).Select(v => v.Trim().ToLowerInvariant()).Where(v => v.Length > 0).Distinct().ToList();
        return list.Count > SellersOptions.MaxTags || list.Any(v => v.Length > SellersOptions.MaxTagLength) ? null : list;
    }
}
