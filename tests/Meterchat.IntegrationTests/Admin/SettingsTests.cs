using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meterchat.Admin;
using Meterchat.Admin.Settings;
using Meterchat.Audit;
using Meterchat.Chats;
using Meterchat.Data;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Chats;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Withdrawals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meterchat.IntegrationTests.Admin;

public sealed class SettingsTests
{
    private const string Commission = "Meter:CommissionBasisPoints";
    private const string PlatformFee = "Withdrawals:PlatformFee";

    [Fact]
    public async Task A_change_takes_effect_at_once_and_is_audited_with_old_and_new_values()
    {
        await using var app = new AppFactory();
        var admin = await app.NewAdminAsync();
        var before = await admin.SettingAsync(Commission);

        var response = await admin.ChangeSettingsAsync(new() { [Commission] = "2000", [PlatformFee] = "0.75" }, "winter promotion");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("2500", "2500", false, "bp"), (before.Default, before.Current, before.Overridden, before.Unit));
        var after = await admin.SettingsAsync();
        var commission = after.Settings.Single(s => s.Key == Commission);
        Assert.Equal(("2500", "2000", true), (commission.Default, commission.Current, commission.Overridden));
        Assert.Equal("0.75", after.Settings.Single(s => s.Key == PlatformFee).Current);
        Assert.Equal(2000, app.Services.GetRequiredService<IOptionsMonitor<MeterOptions>>().CurrentValue.CommissionBasisPoints);
        Assert.Equal("0.75", app.Services.GetRequiredService<IOptionsMonitor<WithdrawalsOptions>>().CurrentValue.PlatformFee);

        Assert.Equal(2, after.History.Count);
        var change = after.History.Single(h => h.Key == Commission);
        Assert.Equal(("2500", "2000", "winter promotion"), (change.From, change.To, change.Reason));
        using var scope = app.Services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AdminAction>().Where(a => a.Action == PlatformSettings.ChangeAction).ToListAsync();
        var row = rows.Single(r => r.Target == "setting:" + Commission);
        Assert.StartsWith("admin-", row.ActorEmail, StringComparison.Ordinal);
        using var details = JsonDocument.Parse(row.Details!);
        Assert.Equal("2500", details.RootElement.GetProperty("from").GetString());
        Assert.Equal("2000", details.RootElement.GetProperty("to").GetString());
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task Invalid_values_are_refused_by_the_options_own_rules_and_nothing_changes()
    {
        await using var app = new AppFactory();
        var admin = await app.NewAdminAsync();

        // 12,000 bp is over 100 % (MeterOptions' range); a 1.00 USDT minimum is below the 1.50 of fees (WithdrawalsOptions' rule).
        var rules = await admin.ChangeSettingsAsync(new() { [Commission] = "12000", ["Withdrawals:Minimum"] = "1.00", [PlatformFee] = "0.40" });
        var units = await admin.ChangeSettingsAsync(new() { ["Deposits:MinimumMicros"] = "three", ["Meter:NoSuchThing"] = "1", [PlatformFee] = "0.40" });

        Assert.Equal(HttpStatusCode.BadRequest, rules.StatusCode);
        Assert.Equal(AdminProblems.InvalidSettings, await rules.ProblemTypeAsync());
        var errors = (await rules.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("CommissionBasisPoints", errors.GetProperty("Meter").ToString(), StringComparison.Ordinal);
        Assert.Contains("Minimum must exceed the fees", errors.GetProperty("Withdrawals").ToString(), StringComparison.Ordinal);
        Assert.Equal(AdminProblems.InvalidSettings, await units.ProblemTypeAsync());
        var unitErrors = (await units.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(unitErrors.TryGetProperty("Deposits:MinimumMicros", out _));
        Assert.True(unitErrors.TryGetProperty("Meter:NoSuchThing", out _));

        var view = await admin.SettingsAsync();
        Assert.All(view.Settings, s => Assert.False(s.Overridden));
        Assert.Equal("0.50", view.Settings.Single(s => s.Key == PlatformFee).Current);
        Assert.Empty(view.History);
        Assert.Equal(2500, app.Services.GetRequiredService<IOptionsMonitor<MeterOptions>>().CurrentValue.CommissionBasisPoints);
    }

    [Fact]
    public async Task An_empty_value_puts_the_default_back()
    {
        await using var app = new AppFactory();
        var admin = await app.NewAdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.ChangeSettingsAsync(new() { ["Sellers:RingSeconds"] = "45" })).StatusCode);

        var reset = await admin.ChangeSettingsAsync(new() { ["Sellers:RingSeconds"] = "" }, "back to normal");

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var ring = await admin.SettingAsync("Sellers:RingSeconds");
        Assert.Equal(("30", false), (ring.Current, ring.Overridden));
        var history = (await admin.SettingsAsync()).History;
        Assert.Equal(("45", "30"), (history[0].From, history[0].To));
        Assert.Equal(("30", "45"), (history[1].From, history[1].To));
    }

    [Fact]
    public async Task Only_admins_see_or_change_settings()
    {
        await using var app = new AppFactory();
        var (_, token) = await app.CreateVerifiedUserAsync("buyer");
        var user = app.CreateClient(token);

        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync(new Uri("/api/admin/settings", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.ChangeSettingsAsync(new() { [Commission] = "0" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync(new Uri("/api/admin/dashboard", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Settings_page_shows_each_setting_with_default_unit_and_history()
    {
        await using var app = new AppFactory();
        var admin = await app.NewAdminAsync();
        await admin.ChangeSettingsAsync(new() { ["Withdrawals:AutoThreshold"] = "250" }, "big sellers");

        var page = await admin.GetStringAsync(new Uri("/admin/settings", UriKind.Relative));

        Assert.Contains("Automatic payout up to", page, StringComparison.Ordinal);
        Assert.Contains("100.00 USDT", page, StringComparison.Ordinal); // the default
        Assert.Contains("value=\"250.00\"", page, StringComparison.Ordinal);
        Assert.Contains("big sellers", page, StringComparison.Ordinal);
        Assert.Contains("Reset to default", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/settings\" aria-current=\"page\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_made_on_another_node_arrives_with_its_next_poll()
    {
        await using var first = new ChatAppFactory();
        var admin = await first.NewAdminAsync();
        await using var second = new ChatAppFactory(first.Db, first.Time.GetUtcNow());
        var monitor = second.Services.GetRequiredService<IOptionsMonitor<MeterOptions>>();
        var arrived = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = monitor.OnChange(o => arrived.TrySetResult(o.CommissionBasisPoints));

        Assert.Equal(HttpStatusCode.OK, (await admin.ChangeSettingsAsync(new() { [Commission] = "1500" })).StatusCode);
        Assert.Equal(2500, monitor.CurrentValue.CommissionBasisPoints);
        second.Time.Advance(TimeSpan.FromSeconds(new AdminOptions().SettingsPollSeconds));

        Assert.Equal(1500, await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1500, monitor.CurrentValue.CommissionBasisPoints);
    }
}
