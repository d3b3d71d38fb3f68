using CsCheck;
using Meterchat.Trust.Ratings;

namespace Meterchat.Tests.Trust;

public sealed class BayesianRatingTests
{
    [Fact]
    public void No_ratings_is_the_prior()
    {
        Assert.Equal(400, BayesianRating.Centis(5, 400, 0, 0));
    }

    [Fact]
    public void One_five_star_rating_moves_the_prior_a_sixth_of_the_way()
    {
        // (5 × 4.00 + 5) / 6 = 4.1666… → 4.17
        Assert.Equal(417, BayesianRating.Centis(5, 400, 1, 5));
    }

    [Fact]
    public void Many_ratings_outweigh_the_prior()
    {
        // (5 × 4 + 100 × 1) / 105 = 1.1428… → 1.14
        Assert.Equal(114, BayesianRating.Centis(5, 400, 100, 100));
    }

    [Fact]
    public void The_average_stays_between_the_prior_and_the_mean_of_the_stars()
    {
        Gen.Select(Gen.Int[0, 50], Gen.Int[100, 500], Gen.Int[1, 10_000], Gen.Int[1, 5]).Sample((c, m, n, star) =>
        {
            var centis = BayesianRating.Centis(c, m, n, (long)n * star);
            Assert.InRange(centis, Math.Min(m, star * 100), Math.Max(m, star * 100));
        });
    }
}
