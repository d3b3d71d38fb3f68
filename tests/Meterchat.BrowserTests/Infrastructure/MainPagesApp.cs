using Meterchat.Accounts;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Sellers;
using Meterchat.Trust.Disputes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Meterchat.BrowserTests.Infrastructure;

/// <summary>
/// One app and browser with the people and chats every main page needs: a funded buyer, sellers with photos (one
/// rated, one new), an admin, a chat waiting to connect, an ended chat with an open dispute. Signed-in pages per role.
/// </summary>
public sealed class MainPagesApp : IAsyncLifetime
{
    public const string Password = "correct horse battery";

    public BrowserApp App { get; } = new();

    public string BuyerEmail { get; private set; } = "";

    public string SellerId { get; private set; } = "";

    public Guid WaitingChat { get; private set; }

    public Guid EndedChat { get; private set; }

    public long DisputeId { get; private set; }

    public IPage Visitor { get; private set; } = null!;

    public IPage Buyer { get; private set; } = null!;

    public IPage Seller { get; private set; } = null!;

    public IPage Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var buyerId = await CreateUserAsync("buyer", out var buyerEmail);
        BuyerEmail = buyerEmail;
        SellerId = await CreateUserAsync("seller", out var sellerEmail);
        var newSellerId = await CreateUserAsync("seller", out _);
        var busySellerId = await CreateUserAsync("seller", out _);
        await CreateUserAsync("admin", out var adminEmail, Roles.Admin);
        await FundAsync(buyerId, tokens: 1000);

        Visitor = await App.NewPersonAsync();
        await ProfileAsync(SellerId, "Ada Lovelace", "Maths, machines and poetry. Ask me about the Analytical Engine.", 20, ["maths", "history"], "#4f46e5", "#a5b4fc", Presence.Online);
        await ProfileAsync(newSellerId, "Grace Hopper", "Compilers, ships and nanoseconds.", 15, ["code"], "#0e7490", "#67e8f9", Presence.Offline);
        await ProfileAsync(busySellerId, "Hedy Lamarr", "Films and frequency hopping.", 18, ["film", "radio"], "#b45309", "#fcd34d", Presence.Busy);
        await RateAsync(SellerId, centis: 460, count: 12);

        var sessions = App.Services.GetRequiredService<IChatSessions>();
        var live = App.Services.GetRequiredService<LiveSessions>();
        var terms = new ChatTerms(new TokenRate(20), 2500);
        // Nobody's media comes up in the waiting chat: a day's connect timeout keeps it live however late in the run a
        // test opens it (with the default 60 s it ends and the page reloads to the receipt while axe runs).
        WaitingChat = await sessions.RequestAsync(buyerId, SellerId, terms with { ConnectTimeoutSeconds = 86_400 });
        await live.RecordAsync(WaitingChat, new ChatAccepted(DateTimeOffset.UtcNow));
        EndedChat = await sessions.RequestAsync(buyerId, newSellerId, terms);
        await live.RecordAsync(EndedChat, new ChatAccepted(DateTimeOffset.UtcNow));
        await live.ApplyAsync(EndedChat, new PartyLeft(DateTimeOffset.UtcNow, Party.Buyer));
        DisputeId = await DisputeAsync(EndedChat, buyerId, newSellerId);

        Buyer = await SignedInAsync(buyerEmail);
        Seller = await SignedInAsync(sellerEmail);
        Admin = await SignedInAsync(adminEmail);
    }

    async Task IAsyncLifetime.DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();

    public Task<string> CreateUserAsync(string who, out string email, string? role = null)
    {
        var address = $"{who}-{Guid.NewGuid():N}@example.test";
        email = address;
        return CreateAsync(address, role);
    }

    public async Task FundAsync(string userId, long tokens)
    {
        var result = await App.Services.GetRequiredService<ILedger>().TransferAsync(TransferRequest.Move(
            $"deposit:browser-test:{Guid.NewGuid():N}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(userId), Micros.FromTokens(tokens)));
        Assert.True(result.Succeeded, result.Problem);
    }

    /// <summary>A fresh context signed in with the password form.</summary>
    public async Task<IPage> SignedInAsync(string email)
    {
        var page = await App.NewPersonAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", Password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    private async Task<string> CreateAsync(string email, string? role)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow, AdultConfirmedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        if (role is not null)
        {
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return user.Id;
    }

    /// <summary>A profile with a photo Chromium paints (a gradient and the initial), and a presence for the grid to show.</summary>
    private async Task ProfileAsync(string userId, string name, string bio, int rate, string[] tags, string from, string to, Presence presence)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<SellerProfiles>().SaveAsync(userId, new ProfileInput(name, bio, rate, false, tags, ["en"]));
        Assert.Null(saved.Problem);
        await Visitor.SetViewportSizeAsync(400, 500);
        await Visitor.SetContentAsync(
            $"<body style=\"margin:0\"><div style=\"width:400px;height:500px;display:grid;place-items:center;background:linear-gradient(160deg,{from},{to});"
            + $"color:#fff;font:700 180px sans-serif\">{name[0]}</div></body>");
        var png = await Visitor.ScreenshotAsync();
        await using (var stream = new MemoryStream(png))
        {
            Assert.Null((await scope.ServiceProvider.GetRequiredService<PhotoStore>().SaveAsync(userId, stream, png.Length)).Problem);
        }

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var profile = (await db.FindAsync<SellerProfile>(userId))!;
        profile.Presence = presence;
        await db.SaveChangesAsync();
    }

    private async Task RateAsync(string sellerId, int centis, int count)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var profile = (await db.FindAsync<SellerProfile>(sellerId))!;
        (profile.RatingCentis, profile.RatingCount) = (centis, count);
        await db.SaveChangesAsync();
    }

    private async Task<long> DisputeAsync(Guid sessionId, string buyerId, string sellerId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var dispute = new Dispute
        {
            SessionId = sessionId, BuyerId = buyerId, SellerId = sellerId, OpenedBy = Party.Buyer, Reason = DisputeReason.TechnicalProblem,
            Text = "The video froze after a minute.", OpenedAt = DateTimeOffset.UtcNow,
        };
        db.Add(dispute);
        await db.SaveChangesAsync();
        return dispute.Id;
    }
}
