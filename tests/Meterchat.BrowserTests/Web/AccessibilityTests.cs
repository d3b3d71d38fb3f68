using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Meterchat.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Meterchat.BrowserTests.Web;

/// <summary>
/// axe-core on every main page at desktop and phone width: no serious or critical violation. Each page is also saved
/// as a full-page screenshot (TestResults/screens/NAME-WIDTH.png). The chat room is checked on whatever markup it has.
/// </summary>
[Collection(MainPagesCollection.Name)]
public sealed class AccessibilityTests(MainPagesApp main)
{
    public static readonly TheoryData<string, int> Pages = Build();

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_has_no_serious_or_critical_accessibility_violations(string name, int width)
    {
        var (page, path, ready) = Target(name);
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await page.GotoAsync(path);
        await page.Locator(ready).First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 5_000 }).ContinueWith(_ => { }); // sockets may stay open
        await Screens.SaveAsync(page, $"{name}-{width}.png", fullPage: true);

        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{name} at {width} px ({path}) has {serious.Count} serious or critical axe violations:\n{Describe(serious)}");
    }

    private (IPage Page, string Path, string Ready) Target(string name) => name switch
    {
        "home" => (main.Visitor, "/", "main h1"),
        "browse" => (main.Visitor, "/browse", ".seller-card"),
        "browse-signed-in" => (main.Buyer, "/browse", ".seller-card"),
        "seller-page" => (main.Visitor, $"/sellers/{main.SellerId}", "main h1"),
        "help" => (main.Visitor, "/help/top-up", "main h1"),
        "top-up" => (main.Buyer, "/topup", "main h1"),
        "chat-room-live" => (main.Buyer, $"/chat/{main.WaitingChat}", "#chat-room"),
        "chat-room-ended" => (main.Buyer, $"/chat/{main.EndedChat}", "#chat-room"),
        "chats" => (main.Buyer, "/chats", "main h1"),
        "earnings" => (main.Seller, "/earnings", "main h1"),
        "sell" => (main.Seller, "/seller", "main h1"),
        "admin-dashboard" => (main.Admin, "/admin", "main h1"),
        "dispute" => (main.Admin, $"/admin/disputes/{main.DisputeId}", "main h1"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a main page"),
    };

    private static string Describe(IEnumerable<AxeResultItem> violations) => string.Join('\n', violations.Select(v =>
        $"- [{v.Impact}] {v.Id}: {v.Help} ({v.HelpUrl})\n" + string.Join('\n', v.Nodes.Take(5).Select(n => $"    {n.Target}: {n.Html}"))));

    private static TheoryData<string, int> Build()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in new[] { "home", "browse", "browse-signed-in", "seller-page", "help", "top-up", "chat-room-live", "chat-room-ended", "chats", "earnings", "sell", "admin-dashboard", "dispute" })
        {
            data.Add(name, 1280);
            data.Add(name, 390);
        }

        return data;
    }
}
