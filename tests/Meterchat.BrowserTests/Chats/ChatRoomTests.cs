using Meterchat.Accounts;
using Meterchat.BrowserTests.Infrastructure;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Ledger;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Meterchat.BrowserTests.Chats;

/// <summary>
/// A real WebRTC call between two browser contexts on 127.0.0.1 with fake cameras. Real time passes, so the
/// test asserts relationships (billing starts after video plays, stops while paused, the ledger matches the receipt).
/// </summary>
public sealed class ChatRoomTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_call_bills_while_both_videos_play_pauses_offline_and_the_ledger_matches_the_receipt()
    {
        var buyerId = await UserAsync("buyer", out var buyerEmail);
        var sellerId = await UserAsync("seller", out var sellerEmail);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A seller, so the header shows their withdrawable earnings beside the wallet.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(sellerId))!, Roles.Seller)).Succeeded);
        }

        var ledger = app.Services.GetRequiredService<ILedger>();
        await ledger.TransferAsync(TransferRequest.Move($"deposit:test:{buyerId}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(buyerId), Micros.FromUsdt(1)));
        var sessions = app.Services.GetRequiredService<IChatSessions>();
        var live = app.Services.GetRequiredService<LiveSessions>();
        var id = await sessions.RequestAsync(buyerId, sellerId, new ChatTerms(new TokenRate(20), 2500));
        await live.RecordAsync(id, new ChatAccepted(DateTimeOffset.UtcNow));

        var buyer = await SignedInAsync(buyerEmail);
        var seller = await SignedInAsync(sellerEmail);
        await buyer.GotoAsync($"/chat/{id}");
        await seller.GotoAsync($"/chat/{id}");

        // Billing starts only once both sides decode the other's video.
        foreach (var page in new[] { buyer, seller })
        {
            await page.WaitForFunctionAsync("() => document.getElementById('remote-video').videoWidth > 0", null, new() { Timeout = 30_000 });
        }

        var frames1 = await FramesDecodedAsync(buyer);
        await Task.Delay(1000);
        Assert.True(await FramesDecodedAsync(buyer) > frames1);
        await WaitStateAsync(buyer, "Live");
        Assert.Equal(0, await UnitsAsync(buyer));
        await buyer.WaitForFunctionAsync("() => Number(document.getElementById('chat-room').dataset.units) >= 1", null, new() { Timeout = 10_000 });
        Assert.NotEqual("0:00.0", await buyer.Locator("#m-time").TextContentAsync());

        // Video first, and a meter that reads on one line per value, at desktop and phone width, for both parties.
        await seller.WaitForFunctionAsync("() => /[1-9]/.test(document.getElementById('m-earned').textContent)", null, new() { Timeout = 10_000 });
        foreach (var (page, who) in new[] { (buyer, "buyer"), (seller, "seller") })
        {
            await AssertMeterOnOneLineAsync(page);
            await ScreenshotAsync(page, $"chat-room-1280{(who == "buyer" ? "" : "-seller")}.png");
            await page.SetViewportSizeAsync(390, 844);
            await AssertMeterOnOneLineAsync(page);
            await AssertInViewportWithoutScrollingAsync(page, "#remote-video", ".meter-panel", "#end");
            await ScreenshotAsync(page, $"chat-room-390{(who == "buyer" ? "" : "-seller")}.png");
        }

        Assert.Matches(@"^\d+(\.\d+)? tokens$", await buyer.Locator("#m-balance").TextContentAsync());

        // The header balance moves with every charged unit: the buyer's wallet falls, the seller's earnings rise.
        var walletShown = await HeaderAsync(buyer, "wallet");
        var earningsShown = await HeaderAsync(seller, "earnings");
        Assert.NotEqual("100", walletShown);
        await buyer.WaitForFunctionAsync($"() => document.querySelector('[data-balance=wallet]').textContent !== '{walletShown}'", null, new() { Timeout = 15_000 });
        await seller.WaitForFunctionAsync($"() => document.querySelector('[data-balance=earnings]').textContent !== '{earningsShown}'", null, new() { Timeout = 15_000 });
        Assert.True(decimal.Parse(await HeaderAsync(buyer, "wallet"), System.Globalization.CultureInfo.InvariantCulture) < decimal.Parse(walletShown, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(decimal.Parse(await HeaderAsync(seller, "earnings"), System.Globalization.CultureInfo.InvariantCulture) > decimal.Parse(earningsShown, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Minutes left (balance)", await buyer.Locator("#m-left-label").TextContentAsync());
        Assert.Equal("20 tokens/min", await seller.Locator("#m-rate").TextContentAsync());

        // The seller goes offline: the meter pauses and stops counting; the buyer is told why and for how long it waits.
        await seller.Context.SetOfflineAsync(true);
        await seller.EvaluateAsync("() => window.meterchatRoom.hub.stop()");
        await WaitStateAsync(buyer, "Paused");
        var unitsPaused = await UnitsAsync(buyer);
        var banner = buyer.Locator("#room-banner");
        await banner.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 10_000 });
        var first = await banner.TextContentAsync();
        Assert.Matches("^The seller's connection dropped — billing is paused — waiting [01]:[0-5][0-9] for them to come back$", first);
        Assert.Equal("Paused – seller offline", await buyer.Locator("#m-state").TextContentAsync());
        await AssertMeterOnOneLineAsync(buyer);
        Assert.Equal("Your connection dropped — reconnecting…", await seller.Locator("#room-banner").TextContentAsync());
        await ScreenshotAsync(buyer, "chat-room-390-dropped.png");
        await buyer.WaitForFunctionAsync("text => document.getElementById('room-banner').textContent !== text", first, new() { Timeout = 5_000 });
        Assert.True(string.CompareOrdinal(await banner.TextContentAsync(), first) < 0, "the grace counts down");
        await Task.Delay(4000);
        Assert.Equal(unitsPaused, await UnitsAsync(buyer));

        // Back online: the seller rejoins, the buyer offers again, the meter resumes and the banners clear.
        await seller.Context.SetOfflineAsync(false);
        await seller.EvaluateAsync("() => window.meterchatRoom.rejoin()");
        await WaitStateAsync(buyer, "Live", 25_000);
        await buyer.WaitForFunctionAsync($"() => Number(document.getElementById('chat-room').dataset.units) > {unitsPaused}", null, new() { Timeout = 10_000 });
        Assert.True(await banner.IsHiddenAsync());
        Assert.True(await seller.Locator("#room-banner").IsHiddenAsync());

        // The buyer drops: the seller is told the same way, and it clears when the buyer is back.
        await buyer.Context.SetOfflineAsync(true);
        await buyer.EvaluateAsync("() => window.meterchatRoom.hub.stop()");
        await seller.Locator("#room-banner").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 10_000 });
        Assert.Matches("^The buyer's connection dropped — billing is paused — waiting [01]:[0-5][0-9] for them to come back$", await seller.Locator("#room-banner").TextContentAsync());
        await buyer.Context.SetOfflineAsync(false);
        await buyer.EvaluateAsync("() => window.meterchatRoom.rejoin()");
        await WaitStateAsync(seller, "Live", 25_000);
        await seller.Locator("#room-banner").WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 5_000 });

        await buyer.ClickAsync("#end");

        // The room becomes the receipt, in each party's words: no video, no dead buttons.
        foreach (var page in new[] { buyer, seller })
        {
            await page.Locator("#receipt").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 15_000 });
            Assert.Equal(0, await page.Locator("video").CountAsync());
            Assert.Equal(0, await page.Locator("button:disabled:visible").CountAsync());
        }

        Assert.Equal("You ended the chat.", await buyer.Locator("[data-r=ended]").TextContentAsync());
        Assert.Matches(@"^Buyer \w{6} ended the chat\.$", await seller.Locator("[data-r=ended]").TextContentAsync());
        var row = (await sessions.FindAsync(id))!;
        var units = row.UnitsCharged;
        var charged = new Micros(20_000) * units;
        var earned = new Micros(15_000) * units;
        Assert.Equal($"You paid {charged.ToTokensString()} tokens ({charged.ToUsdtString()} USDT).", await buyer.Locator("[data-r=outcome]").TextContentAsync());
        Assert.Equal($"You earned {earned.ToTokensString()} tokens ({earned.ToUsdtString()} USDT).", await seller.Locator("[data-r=outcome]").TextContentAsync());
        // Both offline spells paused billing; a real WebRTC link may add a short blip of its own, so at least two.
        Assert.Matches(@"^([2-9]|\d{2,}) pauses, .+ not billed$", (await buyer.Locator("[data-r=pauses]").TextContentAsync())!.Trim());
        Assert.Contains("(25 %)", await buyer.Locator("#receipt-rows").TextContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("BuyerLeft", await buyer.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        foreach (var (page, who) in new[] { (buyer, "buyer"), (seller, "seller") })
        {
            await page.SetViewportSizeAsync(1280, 900);
            await ScreenshotAsync(page, $"chat-ended-1280{(who == "buyer" ? "" : "-seller")}.png");
            await page.SetViewportSizeAsync(390, 844);
            await ScreenshotAsync(page, $"chat-ended-390{(who == "buyer" ? "" : "-seller")}.png", fullPage: true);
        }

        Assert.True(units > unitsPaused);
        Assert.Equal(Micros.FromUsdt(1) - charged, await ledger.GetBalanceAsync(AccountRef.Wallet(buyerId)));
        Assert.Equal(earned, await ledger.GetBalanceAsync(AccountRef.Earnings(sellerId)));
        Assert.Equal((Micros.FromUsdt(1) - charged).ToTokensString(), await HeaderAsync(buyer, "wallet"));
        Assert.Equal(earned.ToTokensString(), await HeaderAsync(seller, "earnings"));
        Assert.Equal(2, (await sessions.LoadAsync(id))!.Pauses);

        await buyer.Context.CloseAsync();
        await seller.Context.CloseAsync();
        Assert.Empty(app.CspViolations); // the room (camera, WebRTC, SignalR) runs under the policy
    }

    private Task<string> UserAsync(string who, out string email)
    {
        var address = $"{who}-{Guid.NewGuid():N}@example.test";
        email = address;
        return CreateAsync(address);
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

    /// <summary>Each live meter value (and the state line) is exactly one line tall: nothing wraps per character.</summary>
    private static async Task AssertMeterOnOneLineAsync(IPage page)
    {
        var wrapped = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('.meter dd, #m-state')].filter(el => {
              const style = getComputedStyle(el);
              const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
              const height = el.getBoundingClientRect().height;
              return !(height > 0 && height < 2 * line);
            }).map(el => `${el.id}: ${el.getBoundingClientRect().height}px "${el.textContent}"`)
            """);
        Assert.Empty(wrapped);
    }

    /// <summary>The elements are wholly inside the viewport with the page scrolled to the top.</summary>
    private static async Task AssertInViewportWithoutScrollingAsync(IPage page, params string[] selectors)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var viewport = page.ViewportSize!;
        foreach (var selector in selectors)
        {
            var box = await page.Locator(selector).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= viewport.Width && box.Y + box.Height <= viewport.Height,
                $"{selector} at ({box.X}, {box.Y}) {box.Width}×{box.Height} is outside {viewport.Width}×{viewport.Height}");
        }
    }

    /// <summary>Saved with the test results (TestResults/screens next to the test binaries) for a person to look at.</summary>
    private static async Task ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screens");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = fullPage });
    }

    private static async Task<string> HeaderAsync(IPage page, string kind) =>
        (await page.Locator($"[data-balance={kind}]").TextContentAsync())!.Trim();

    private static async Task WaitStateAsync(IPage page, string state, float timeout = 15_000) =>
        await page.WaitForFunctionAsync($"() => document.getElementById('chat-room').dataset.state === '{state}'", null, new() { Timeout = timeout });

    private static async Task<long> UnitsAsync(IPage page) =>
        long.Parse(await page.EvaluateAsync<string>("() => document.getElementById('chat-room').dataset.units ?? '0'"), System.Globalization.CultureInfo.InvariantCulture);

    private static Task<double> FramesDecodedAsync(IPage page) =>
        page.EvaluateAsync<double>(
            """
            async () => {
              let frames = 0;
              (await window.meterchatRoom.pc.getStats()).forEach(s => { if (s.type === 'inbound-rtp' && s.kind === 'video') frames = s.framesDecoded; });
              return frames;
            }
            """);
}
