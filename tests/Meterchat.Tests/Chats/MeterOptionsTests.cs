using System.ComponentModel.DataAnnotations;
using Meterchat.Chats;

namespace Meterchat.Tests.Chats;

public class MeterOptionsTests
{
    [Fact]
    public void Defaults_are_the_product_numbers_and_valid()
    {
        var options = new MeterOptions();

        Assert.Equal((6, 2500, 60, 6, 30, 60), (options.UnitSeconds, options.CommissionBasisPoints, options.ReconnectGraceSeconds, options.HeartbeatTimeoutSeconds, options.AutoRefundLiveSeconds, options.WarningSeconds));
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void Unit_length_other_than_a_tenth_of_a_minute_is_invalid_because_the_unit_price_assumes_it() =>
        Assert.Contains(Validate(new MeterOptions { UnitSeconds = 12 }), r => r.MemberNames.Contains(nameof(MeterOptions.UnitSeconds)));

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void Commission_outside_zero_to_one_hundred_percent_is_invalid(int bps) =>
        Assert.NotEmpty(Validate(new MeterOptions { CommissionBasisPoints = bps }));

    [Fact]
    public void Zero_grace_or_heartbeat_timeout_is_invalid()
    {
        Assert.NotEmpty(Validate(new MeterOptions { ReconnectGraceSeconds = 0 }));
        Assert.NotEmpty(Validate(new MeterOptions { HeartbeatTimeoutSeconds = 0 }));
    }

    [Fact]
    public void Grace_comes_from_the_options()
    {
        var s = Scenario.Requested(options: new MeterOptions { ReconnectGraceSeconds = 15 }).Accept().Join().BothVideos().Wait(10);

        s.Must(new PartyDisconnected(s.Now, Party.Buyer));

        Assert.Equal(s.Now.AddSeconds(15), s.Session.ReconnectDeadline);
    }

    private static List<ValidationResult> Validate(MeterOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
