using Meterchat.Admin.Dashboard;
using Meterchat.Admin.Settings;

namespace Meterchat.Tests.Admin;

public sealed class SettingDefinitionTests
{
    [Theory]
    [InlineData("Withdrawals:PlatformFee", "0.5", "0.50")]
    [InlineData("Deposits:MinimumMicros", "3", "3000000")]
    [InlineData("Deposits:MinimumMicros", "2.5", "2500000")]
    [InlineData("Withdrawals:AddressCooldown", "86400", "1.00:00:00")]
    [InlineData("Meter:CommissionBasisPoints", " 2000 ", "2000")]
    public void Typed_values_are_stored_in_the_configuration_format(string key, string typed, string stored)
    {
        var definition = SettingsCatalog.Find(key)!;

        Assert.True(definition.TryStore(typed, out var value, out var error), error);
        Assert.Equal(stored, value);
    }

    [Theory]
    [InlineData("Withdrawals:PlatformFee", "-1")]
    [InlineData("Withdrawals:PlatformFee", "0.0000001")]
    [InlineData("Withdrawals:PlatformFee", "1e3")]
    [InlineData("Meter:CommissionBasisPoints", "25.5")]
    [InlineData("Sellers:RingSeconds", "thirty")]
    [InlineData("Withdrawals:AddressCooldown", "-1")]
    [InlineData("Meter:WarningSeconds", "-5")]
    public void Values_that_are_not_of_the_unit_are_refused_with_the_setting_named(string key, string typed)
    {
        var definition = SettingsCatalog.Find(key)!;

        Assert.False(definition.TryStore(typed, out _, out var error));
        Assert.StartsWith(definition.Label, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_default_reads_back_as_it_is_typed()
    {
        foreach (var definition in SettingsCatalog.All)
        {
            var shown = definition.Display(definition.CodeDefault());

            Assert.True(definition.TryStore(shown, out var stored, out var error), $"{definition.Key}: {error}");
            Assert.Equal(shown, definition.Display(stored));
        }
    }

    [Fact]
    public void Money_defaults_show_in_usdt()
    {
        Assert.Equal("3.00", SettingsCatalog.Find("Deposits:MinimumMicros")!.Display("3000000"));
        Assert.Equal("1.00", SettingsCatalog.Find("Withdrawals:NetworkFee")!.Display("1"));
        Assert.Equal("86400", SettingsCatalog.Find("Withdrawals:AddressCooldown")!.Display("1.00:00:00"));
    }

    [Fact]
    public void Bars_scale_to_the_largest_value_and_negative_values_draw_nothing()
    {
        var chart = new BarChart("c", "t", "d", ["a", "b", "c"], [new ChartSeries("s", "x", [50, 100, -5])], v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(BarChart.PlotHeight / 2, chart.BarHeight(50));
        Assert.Equal(BarChart.PlotHeight, chart.BarHeight(100));
        Assert.Equal(0, chart.BarHeight(-5));
        Assert.Equal(1, chart.BarHeight(1)); // a small value still shows
    }
}
