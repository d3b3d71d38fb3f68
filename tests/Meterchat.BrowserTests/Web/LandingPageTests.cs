using Meterchat.BrowserTests.Infrastructure;

namespace Meterchat.BrowserTests.Web;

public sealed class LandingPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Landing_page_shows_the_product_name()
    {
        var page = await app.NewPersonAsync();
        await page.GotoAsync("/");
        Assert.Contains("Meterchat", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Sign up" }).First.IsVisibleAsync());
        await page.Context.CloseAsync();
    }
}
