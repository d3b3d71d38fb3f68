using System.Text.RegularExpressions;
using Meterchat.Accounts;
using Meterchat.BrowserTests.Infrastructure;
using Meterchat.Data;
using Meterchat.Ledger;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Meterchat.BrowserTests.Sellers;

public sealed partial class SellerRequestFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_buyer_requests_an_online_seller_who_accepts_and_both_land_in_the_chat_room()
    {
        var seller = await app.NewPersonAsync();
        await SignUpAsync(seller, $"seller-{Guid.NewGuid():N}@example.test");
        await seller.GotoAsync("/seller");
        await seller.FillAsync("#p-name", "Ada Lovelace");
        await seller.FillAsync("#p-bio", "Maths and machines.");
        await seller.FillAsync("#p-rate", "20");
        await seller.FillAsync("#p-tags", "maths");
        await seller.ClickAsync("#save-profile");
        await seller.GetByText("Profile saved").WaitForAsync();
        await seller.WaitForSelectorAsync("body[data-hub-ready='true']", new() { State = WaitForSelectorState.Attached });
        await seller.ClickAsync("#go-online");
        await seller.Locator("#presence", new() { HasText = "online" }).WaitForAsync();

        var buyer = await app.NewPersonAsync();
        var buyerEmail = $"buyer-{Guid.NewGuid():N}@example.test";
        await SignUpAsync(buyer, buyerEmail);
        await FundAsync(buyerEmail, tokens: 100);
        await buyer.GotoAsync("/browse");
        var card = buyer.Locator(".seller-card", new() { HasText = "Ada Lovelace" });
        await card.Locator(".badge", new() { HasText = "online" }).WaitForAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Request chat" }).ClickAsync();
        await buyer.GetByText("20 tokens/min").First.WaitForAsync();
        await buyer.ClickAsync("#confirm-send");
        await buyer.GetByText("Ringing Ada Lovelace").WaitForAsync();

        var ring = seller.Locator(".ring-card");
        await ring.WaitForAsync();
        await ring.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();

        await seller.WaitForURLAsync(ChatRoom());
        await buyer.WaitForURLAsync(ChatRoom());
        Assert.Equal(new Uri(seller.Url).AbsolutePath, new Uri(buyer.Url).AbsolutePath);
        await seller.Context.CloseAsync();
        await buyer.Context.CloseAsync();
        Assert.Empty(app.CspViolations); // browse, seller page and room run under the policy
    }

    private static async Task SignUpAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Register");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.CheckAsync("#ConfirmAdult");
        await page.ClickAsync("button:has-text('Create account')");
        await page.WaitForURLAsync(new Regex("CheckEmail"));
        await page.GotoAsync("/dev/outbox");
        await page.Locator("article", new() { HasText = email }).GetByRole(AriaRole.Link, new() { Name = "Open the link" }).First.ClickAsync();
        await page.GetByText("Your email is verified").WaitForAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    private async Task FundAsync(string email, long tokens)
    {
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        var result = await scope.ServiceProvider.GetRequiredService<ILedger>().TransferAsync(TransferRequest.Move(
            $"deposit:browser-test:{Guid.NewGuid():N}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(user!.Id), Micros.FromTokens(tokens)));
        Assert.True(result.Succeeded, result.Problem);
    }

    [GeneratedRegex(@"/chat/[0-9a-f-]{36}$")]
    private static partial Regex ChatRoom();
}
