using Microsoft.AspNetCore.Http.HttpResults;

namespace Meterchat.Sellers;

/// <summary>A refusal with a stable problem type (RFC 7807); the UI shows <see cref="Detail"/>.</summary>
public sealed record SellerProblem(int Status, string Type, string Title, string Detail)
{
    /// <summary>The rate is above the cap of the seller's reputation tier (SellerTier).</summary>
    public const string RateAboveTierCap = "seller/rate-above-tier-cap";

    public ProblemHttpResult ToResult() => TypedResults.Problem(title: Title, detail: Detail, statusCode: Status, type: Type);

    public static SellerProblem NotFound(string detail) => new(404, "seller/not-found", "Seller not found", detail);

    public static SellerProblem Invalid(string detail) => new(400, "seller/invalid-profile", "Invalid profile", detail);
}
