using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Meterchat.Accounts;
using Meterchat.BrowserTests.Infrastructure;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Reserves;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meterchat.BrowserTests.Reserves;

public sealed class ReservesPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_user_downloads_their_inclusion_proof_and_the_page_verifies_it_and_refuses_a_changed_one()
    {
        var email = $"holder-{Guid.NewGuid():N}@example.test";
        var page = await app.NewPersonAsync();
        await SignUpAsync(page, email);
        await FundAsync(email, Micros.ParseUsdt("12.5"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.NotNull((await scope.ServiceProvider.GetRequiredService<ReservesSnapshots>().TakeAsync(ReservesSnapshots.AdminTrigger, default)).Value);
        }

        await page.GotoAsync("/reserves");
        var root = (await page.Locator("#latest-root").TextContentAsync())!.Trim();
        Assert.Matches("^[0-9a-f]{64}$", root);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download and check my proof" }).ClickAsync());
        await Expect(page.Locator("#proof-result")).ToHaveAttributeAsync("data-outcome", "pass");
        await Expect(page.Locator("#proof-result")).ToContainTextAsync("your balance of 12.5 USDT is in snapshot");
        var saved = await download.PathAsync();
        var file = JsonNode.Parse(await File.ReadAllTextAsync(saved))!;
        Assert.Equal(root, file["rootHash"]!.GetValue<string>());
        Assert.Equal(12_500_000, file["proof"]!["balance"]!.GetValue<long>());

        // The same file with one µUSDT more: the page says the path no longer leads to the published root.
        file["proof"]!["balance"] = 12_500_001;
        await page.Locator("#proof-file").SetInputFilesAsync(new FilePayload
        {
            Name = "changed.json",
            MimeType = "application/json",
            Buffer = System.Text.Encoding.UTF8.GetBytes(file.ToJsonString()),
        });
        await Expect(page.Locator("#proof-result")).ToHaveAttributeAsync("data-outcome", "fail");
        await Expect(page.Locator("#proof-result")).ToContainTextAsync("not to the published root");
        await page.Context.CloseAsync();
        Assert.Empty(app.CspViolations);
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

    private async Task FundAsync(string email, Micros amount)
    {
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        var result = await scope.ServiceProvider.GetRequiredService<ILedger>().TransferAsync(TransferRequest.Move(
            $"deposit:browser-test:{Guid.NewGuid():N}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(user!.Id), amount));
        Assert.True(result.Succeeded, result.Problem);
    }
}
