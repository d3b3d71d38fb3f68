using Meterchat.Accounts;
using Meterchat.BrowserTests.Infrastructure;
using Meterchat.Chats;
using Meterchat.Chats.Store;
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
        var ledger = app.Services.GetRequiredService<ILedger>();
        await ledger.TransferAsync(TransferRequest.Move($"deposit:test:{buyerId}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(buyerId), Micros.FromUsdt(1)));
        var sessions = app.Services.GetRequiredService<IChatSessions>();
        var id = await sessions.RequestAsync(buyerId, sellerId, new ChatTerms(new TokenRate(20), 2500));
        await sessions.ApplyAsync(id, new ChatAccepted(DateTimeOffset.UtcNow));

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

        // The seller goes offline: the meter pauses and stops counting.
        await seller.Context.SetOfflineAsync(true);
        await seller.EvaluateAsync("() => window.meterchatRoom.hub.stop()");
        await WaitStateAsync(buyer, "Paused");
        var unitsPaused = await UnitsAsync(buyer);
        await Task.Delay(4000);
        Assert.Equal(unitsPaused, await UnitsAsync(buyer));

        // Back online: the seller rejoins, the buyer offers again, the meter resumes.
        await seller.Context.SetOfflineAsync(false);
        await seller.EvaluateAsync("() => window.meterchatRoom.rejoin()");
        await WaitStateAsync(buyer, "Live", 25_000);
        await buyer.WaitForFunctionAsync($"() => Number(document.getElementById('chat-room').dataset.units) > {unitsPaused}", null, new() { Timeout = 10_000 });

        await buyer.ClickAsync("#end");
        foreach (var page in new[] { buyer, seller })
        {
            await page.Locator("#receipt").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 10_000 });
            Assert.Equal("BuyerLeft", await page.Locator("#receipt-rows dd").First.TextContentAsync());
        }

        var row = (await sessions.FindAsync(id))!;
        var units = await UnitsAsync(buyer);
        Assert.Equal(row.UnitsCharged, units);
        Assert.True(units > unitsPaused);
        var charged = new Micros(20_000) * units;
        Assert.Equal(Micros.FromUsdt(1) - charged, await ledger.GetBalanceAsync(AccountRef.Wallet(buyerId)));
        Assert.Equal(new Micros(15_000) * units, await ledger.GetBalanceAsync(AccountRef.Earnings(sellerId)));
        Assert.Equal(charged.ToTokensString(), (await buyer.Locator("#receipt-rows dd").Nth(3).TextContentAsync())?.Trim());
        Assert.Equal(1, (await sessions.LoadAsync(id))!.Pauses);

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
