using Meterchat.BrowserTests.Infrastructure;
using Meterchat.IntegrationTests.Accounts;
using Microsoft.Playwright;

namespace Meterchat.BrowserTests.Accounts;

/// <summary>A new person, in the browser: sign up, verify by the dev outbox, sign in, see a zero balance, turn on 2FA.</summary>
public sealed class SignUpJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_new_user_signs_up_verifies_signs_in_sees_zero_and_enables_two_factor()
    {
        var page = await app.NewPersonAsync();
        var email = $"new-{Guid.NewGuid():N}@example.test";
        const string Password = "a long enough sentence";

        await page.GotoAsync("/Account/Register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByLabel("I confirm that I am 18 or older").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await page.GotoAsync("/dev/outbox");
        var mail = page.Locator("article", new() { HasText = email });
        await mail.GetByRole(AriaRole.Link, new() { Name = "Open the link" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your email is verified")).ToBeVisibleAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#balance-widget")).ToContainTextAsync("0 tokens");

        await page.GotoAsync("/Account/TwoFactor");
        var key = (await page.Locator("#shared-key").TextContentAsync())!.Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        await page.GetByLabel("Code from your app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify and turn on" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Save your recovery codes")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
