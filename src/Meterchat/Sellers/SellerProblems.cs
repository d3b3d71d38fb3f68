using Meterchat.Web;

namespace Meterchat.Sellers;

/// <summary>The stable problem types of seller profiles (RFC 7807 <c>type</c>); the UI shows the detail.</summary>
public static class SellerProblems
{
    /// <summary>The rate is above the cap of the seller's reputation tier (SellerTier).</summary>
    public const string RateAboveTierCap = "seller/rate-above-tier-cap";

    public static Problem NotFound(string detail) => new(404, "seller/not-found", "Seller not found", detail);

    public static Problem Invalid(string detail) => new(400, "seller/invalid-profile", "Invalid profile", detail);
}
