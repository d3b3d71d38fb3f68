using Meterchat.Accounts;
using Meterchat.BrowserTests.Infrastructure;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Relay;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Ledger;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Meterchat.BrowserTests.Chats;

/// <summary>
/// Chat:Evidence=Relay with a real coturn on loopback: both browsers are forced through the relay, and coturn's
/// traffic events (through Redis) alone decide whether the meter runs. Real time passes.
/// </summary>
public sealed class RelayEvidenceTests(RelayBrowserApp app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<RelayBrowserApp>
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Relay_traffic_drives_billing_overrules_a_lying_client_and_a_frozen_relay_pauses_it()
    {
        var buyerId = await CreateAsync($"buyer-{Guid.NewGuid():N}@example.test");
        var sellerId = await CreateAsync($"seller-{Guid.NewGuid():N}@example.test");
        var ledger = app.Services.GetRequiredService<ILedger>();
        await ledger.TransferAsync(TransferRequest.Move($"deposit:test:{buyerId}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(buyerId), Micros.FromUsdt(1)));
        var sessions = app.Services.GetRequiredService<IChatSessions>();
        var live = app.Services.GetRequiredService<LiveSessions>();
        var id = await sessions.RequestAsync(buyerId, sellerId, new ChatTerms(new TokenRate(20), 2500));
        await live.RecordAsync(id, new ChatAccepted(DateTimeOffset.UtcNow));
        var relay = app.Services.GetRequiredService<RelayTrafficSubscriber>();

        var buyer = await SignedInAsync(await EmailOfAsync(buyerId));
        var seller = await SignedInAsync(await EmailOfAsync(sellerId));
        await buyer.GotoAsync($"/chat/{id}");
        await seller.GotoAsync($"/chat/{id}");
        foreach (var page in new[] { buyer, seller })
        {
            await page.WaitForFunctionAsync("() => document.getElementById('remote-video').videoWidth > 0", null, new() { Timeout = 30_000 });
            Assert.Equal("relay/relay", await SelectedPairAsync(page));
        }

        // Billing starts on the relay's evidence of both parties' media.
        await WaitStateAsync(buyer, "Live", 30_000);
        Assert.True(relay.Deltas >= 2, $"Live with {relay.Deltas} relay deltas");
        await WaitUnitsAsync(buyer, 1);

        // The buyer's client lies: "peer down, no video". The relay still carries its media, so billing goes on.
        await buyer.EvaluateAsync(
            """
            () => {
              const hub = window.meterchatRoom.hub, invoke = hub.invoke.bind(hub);
              hub.invoke = (method, ...args) => method === 'Report' ? invoke('Report', false, false) : invoke(method, ...args);
            }
            """);
        var unitsAtLie = await UnitsAsync(buyer);
        var (deltasAtLie, lying) = (relay.Deltas, System.Diagnostics.Stopwatch.StartNew());
        await WaitUnitsAsync(buyer, unitsAtLie + 3, 30_000);
        output.WriteLine($"relay deltas while live: {relay.Deltas - deltasAtLie} in {lying.Elapsed.TotalSeconds:F1} s (two parties)");
        Assert.Equal("Live", await StateAsync(buyer));
        Assert.Contains((await sessions.LoadAsync(id))!.Events, e => e is MediaReported { Party: Party.Buyer, ReceivingVideo: false });

        // coturn frozen: no relayed packet, no traffic event. The meter pauses once the window passes.
        app.Relay.Freeze();
        var frozen = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await WaitStateAsync(buyer, "Paused", (RelayBrowserApp.WindowSeconds + 15) * 1000);
            output.WriteLine($"paused {frozen.Elapsed.TotalSeconds:F1} s after SIGSTOP (window {RelayBrowserApp.WindowSeconds} s)");
        }
        finally
        {
            app.Relay.Thaw();
        }

        var unitsPaused = await UnitsAsync(buyer);

        // coturn running again: media and its traffic events come back, and so does billing.
        var thawed = System.Diagnostics.Stopwatch.StartNew();
        await WaitStateAsync(buyer, "Live", 45_000);
        output.WriteLine($"live again {thawed.Elapsed.TotalSeconds:F1} s after SIGCONT");
        // The pause is backdated towards the last delta (never past a charged unit), so the next unit may take
        // up to a unit longer than usual.
        await WaitUnitsAsync(buyer, unitsPaused + 1, (RelayBrowserApp.WindowSeconds + 20) * 1000);

        await buyer.ClickAsync("#end");
        await buyer.Locator("#receipt").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 10_000 });
        var session = (await sessions.LoadAsync(id))!;
        Assert.True(session.Pauses >= 1);
        Assert.Contains(session.Events, e => e is RelayTraffic { Flowing: false, LastSeen: not null });
        var units = (await sessions.FindAsync(id))!.UnitsCharged;
        Assert.Equal(Micros.FromUsdt(1) - new Micros(20_000) * units, await ledger.GetBalanceAsync(AccountRef.Wallet(buyerId)));

        await buyer.Context.CloseAsync();
        await seller.Context.CloseAsync();
    }

    private async Task<string> CreateAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow, AdultConfirmedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user.Id;
    }

    private async Task<string> EmailOfAsync(string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId))!.Email!;
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await app.NewPersonAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", Password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>The candidate types (local/remote) of the pair the peer connection uses.</summary>
    private static Task<string> SelectedPairAsync(IPage page) =>
        page.EvaluateAsync<string>(
            """
            async () => {
              const stats = await window.meterchatRoom.pc.getStats();
              let pair;
              stats.forEach(s => { if (s.type === 'transport' && s.selectedCandidatePairId) pair = stats.get(s.selectedCandidatePairId); });
              return pair ? `${stats.get(pair.localCandidateId).candidateType}/${stats.get(pair.remoteCandidateId).candidateType}` : 'none';
            }
            """);

    private static async Task WaitStateAsync(IPage page, string state, float timeout) =>
        await page.WaitForFunctionAsync($"() => document.getElementById('chat-room').dataset.state === '{state}'", null, new() { Timeout = timeout });

    private static async Task WaitUnitsAsync(IPage page, long atLeast, float timeout = 15_000) =>
        await page.WaitForFunctionAsync($"() => Number(document.getElementById('chat-room').dataset.units) >= {atLeast}", null, new() { Timeout = timeout });

    private static Task<string> StateAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.getElementById('chat-room').dataset.state");

    private static async Task<long> UnitsAsync(IPage page) =>
        long.Parse(await page.EvaluateAsync<string>("() => document.getElementById('chat-room').dataset.units ?? '0'"), System.Globalization.CultureInfo.InvariantCulture);
}
