using Meterchat.Trust;

namespace Meterchat.Tests.Trust;

public sealed class TrustOptionsTests
{
    [Fact]
    public void The_defaults_are_the_product_rules()
    {
        var o = new TrustOptions();

        Assert.Equal((TimeSpan.FromHours(72), TimeSpan.FromHours(72)), (o.DisputeWindow, o.TipWindow));
        Assert.Equal((5, 400, 1), (o.RatingPriorWeight, o.RatingPriorCentis, o.MinTipTokens));
        Assert.Equal(("72 hours", "10 minutes"), (TrustOptions.Describe(o.DisputeWindow), TrustOptions.Describe(TimeSpan.FromMinutes(10))));
    }
}
