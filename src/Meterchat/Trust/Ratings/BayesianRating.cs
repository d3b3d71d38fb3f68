namespace Meterchat.Trust.Ratings;

/// <summary>
/// A seller's rating: the Bayesian average (C·m + Σstars) / (C + n) in hundredths of a star, with the prior m
/// (<see cref="TrustOptions.RatingPriorCentis"/>) weighing as C ratings (<see cref="TrustOptions.RatingPriorWeight"/>).
/// Integer arithmetic, rounded half up to the hundredth.
/// </summary>
public static class BayesianRating
{
    public static int Centis(int priorWeight, int priorCentis, long count, long sumStars)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(priorWeight);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var den = checked(priorWeight + count);
        if (den == 0)
        {
            return priorCentis;
        }

        var num = checked(((long)priorWeight * priorCentis) + (sumStars * 100));
        return (int)(((2 * num) + den) / (2 * den));
    }
}
