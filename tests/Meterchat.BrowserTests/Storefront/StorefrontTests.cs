using System.Text.RegularExpressions;
using Meterchat.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Meterchat.BrowserTests.Storefront;

/// <summary>What a visitor sees before signing up, the phone menu, and requesting a chat with the keyboard alone.</summary>
[Collection(MainPagesCollection.Name)]
public sealed partial class StorefrontTests(MainPagesApp main)
{
    [Fact]
    public async Task A_visitor_browses_photo_cards_opens_a_seller_and_is_asked_to_sign_in_to_request()
    {
        var page = await main.App.NewPersonAsync();
        await page.GotoAsync("/browse");

        var ada = page.Locator(".seller-card", new() { HasText = "Ada Lovelace" });
        var grace = page.Locator(".seller-card", new() { HasText = "Grace Hopper" });
        var hedy = page.Locator(".seller-card", new() { HasText = "Hedy Lamarr" });
        await ada.WaitForAsync();
        await hedy.WaitForAsync();
        // People's words for presence (the sweep may already have taken these unattached sellers offline).
        var presences = await page.Locator(".seller-card [data-presence]").AllTextContentsAsync();
        Assert.All(presences, p => Assert.Contains(p, new[] { "online", "in a chat", "offline" }));
        Assert.Contains("4.60", await ada.Locator(".seller-facts").TextContentAsync());
        Assert.Equal("New", await grace.Locator(".seller-facts .badge").TextContentAsync()); // not "★ 4.00 (0)"
        Assert.True(await ada.Locator("img.seller-photo").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        Assert.True(await page.Locator("#cancel-request").IsHiddenAsync()); // the hidden attribute wins over .button
        Assert.True(await page.Locator("#more").IsHiddenAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Report" }).CountAsync());
        Assert.Equal("Browse sellers · Meterchat", await page.TitleAsync());
        await Screens.SaveAsync(page, "browse-visitor-1280.png");

        await ada.Locator(".seller-link").ClickAsync();
        await page.WaitForURLAsync($"**/sellers/{main.SellerId}");
        Assert.StartsWith("Ada Lovelace", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("Ada Lovelace · video chat at 20 tokens/min", await page.Locator("meta[property='og:title']").GetAttributeAsync("content"));
        Assert.EndsWith($"/api/sellers/{main.SellerId}/photo", await page.Locator("meta[property='og:image']").GetAttributeAsync("content"), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in to request" }).ClickAsync();
        await page.WaitForURLAsync(SignInBackToSeller());
        await page.Context.CloseAsync();
        Assert.Empty(main.App.CspViolations);
    }

    [Fact]
    public async Task At_phone_width_the_nav_folds_behind_a_menu_button_that_works_with_the_keyboard()
    {
        var page = await main.App.NewPersonAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/help");
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        var help = page.Locator("#main-nav").GetByRole(AriaRole.Link, new() { Name = "Help" });
        await menu.WaitForAsync();
        Assert.Equal("false", await menu.GetAttributeAsync("aria-expanded"));
        Assert.False(await help.IsVisibleAsync());

        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("true", await menu.GetAttributeAsync("aria-expanded"));
        Assert.True(await help.IsVisibleAsync());
        await Screens.SaveAsync(page, "nav-open-390.png");
        await page.Keyboard.PressAsync("Escape");
        Assert.Equal("false", await menu.GetAttributeAsync("aria-expanded"));

        await page.SetViewportSizeAsync(1280, 900);
        Assert.False(await menu.IsVisibleAsync());
        Assert.True(await help.IsVisibleAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_buyer_signs_in_browses_and_requests_a_chat_with_the_keyboard_only()
    {
        // The seller's side is set up with the mouse: their page open and online, so the request rings.
        await main.CreateUserAsync("seller", out var sellerEmail);
        var seller = await main.SignedInAsync(sellerEmail);
        await seller.GotoAsync("/seller");
        await seller.FillAsync("#p-name", "Katherine Johnson");
        await seller.FillAsync("#p-rate", "15");
        await seller.ClickAsync("#save-profile");
        await seller.GetByText("Profile saved").WaitForAsync();
        await seller.WaitForSelectorAsync("body[data-hub-ready='true']", new() { State = WaitForSelectorState.Attached });
        await seller.ClickAsync("#go-online");
        await seller.Locator("#presence", new() { HasText = "online" }).WaitForAsync();
        var buyerId = await main.CreateUserAsync("buyer", out var buyerEmail);
        await main.FundAsync(buyerId, tokens: 100);

        var buyer = await main.App.NewPersonAsync();
        await buyer.GotoAsync("/Account/Login");
        await TabToAsync(buyer, "#Email");
        await buyer.Keyboard.TypeAsync(buyerEmail);
        await TabToAsync(buyer, "#Password");
        await buyer.Keyboard.TypeAsync(MainPagesApp.Password);
        await buyer.Keyboard.PressAsync("Enter");
        await buyer.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));

        await TabToAsync(buyer, "#main-nav a[href='/browse']");
        await buyer.Keyboard.PressAsync("Enter");
        await buyer.WaitForURLAsync("**/browse");
        var card = buyer.Locator(".seller-card", new() { HasText = "Katherine Johnson" });
        await card.WaitForAsync();
        var sellerId = await card.GetAttributeAsync("data-seller-id");
        await TabToAsync(buyer, $".seller-card[data-seller-id='{sellerId}'] button.request");
        await buyer.Keyboard.PressAsync("Enter");
        await buyer.Locator("#confirm").WaitForAsync(); // the dialog opens with focus inside it
        await TabToAsync(buyer, "#confirm-send");
        await buyer.Keyboard.PressAsync("Enter");

        await buyer.GetByText("Ringing Katherine Johnson").WaitForAsync();
        await seller.Locator(".ring-card").WaitForAsync();
        await TabToAsync(buyer, "#cancel-request");
        await buyer.Keyboard.PressAsync("Enter");
        await buyer.Locator("#cancel-request").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await buyer.Context.CloseAsync();
        await seller.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the focused element matches the selector (as a person tabbing through the page would).</summary>
    private static async Task TabToAsync(IPage page, string selector, int maxTabs = 60)
    {
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing'");
        Assert.Fail($"{selector} was not reached with {maxTabs} presses of Tab; focus is on {focused}");
    }

    [GeneratedRegex(@"/Account/Login\?ReturnUrl=%2Fsellers%2F")]
    private static partial Regex SignInBackToSeller();
}
