using System.Net;
using System.Net.Http.Json;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Ledger;
using Meterchat.Sellers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Sellers;

/// <summary>A person in a sellers test: their id, a bearer client and (once connected) a hub probe.</summary>
public sealed record Person(string Id, string Token, HttpClient Client);

public static class SellersApi
{
    public static async Task<Person> NewPersonAsync(this AppFactory app, string who = "user", long walletTokens = 0)
    {
        var (_, token) = await app.CreateVerifiedUserAsync(who);
        var client = app.CreateClient(token);
        var me = (await client.GetFromJsonAsync<Me>("/api/auth/me"))!;
        if (walletTokens > 0)
        {
            var ledger = app.Services.GetRequiredService<ILedger>();
            var result = await ledger.TransferAsync(TransferRequest.Move(
                $"deposit:test:{Guid.NewGuid():N}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(me.Id), Micros.FromTokens(walletTokens)));
            Assert.True(result.Succeeded, result.Problem);
        }

        return new Person(me.Id, token, client);
    }

    public static Task<HttpResponseMessage> SaveProfileAsync(this Person p, int rate, bool autoAccept = false, string[]? tags = null, string[]? languages = null, string? name = null) =>
        p.Client.PutAsJsonAsync("/api/seller/profile", new ProfileInput(name ?? "Seller " + p.Id[..4], "Hello", rate, autoAccept, tags ?? [], languages ?? ["en"]));

    /// <summary>A seller with a profile, their page connected to the hub, chosen online.</summary>
    public static async Task<(Person Seller, HubProbe Hub)> NewOnlineSellerAsync(this AppFactory app, int rate, bool autoAccept = false, string[]? tags = null, int ratingCentis = SellersOptions.PriorRatingCentis)
    {
        var seller = await app.NewPersonAsync("seller");
        if (rate > new SellersOptions().NewMaxRate)
        {
            await app.TopSellerAsync(seller);
        }

        Assert.Equal(HttpStatusCode.OK, (await seller.SaveProfileAsync(rate, autoAccept, tags)).StatusCode);
        if (ratingCentis != SellersOptions.PriorRatingCentis)
        {
            await app.SetRatingAsync(seller.Id, ratingCentis);
        }

        var hub = await HubProbe.ConnectAsync(app, seller.Token);
        await hub.Connection.InvokeAsync("AttachSeller");
        var response = await seller.Client.PostAsJsonAsync("/api/seller/presence", new PresenceInput(true));
        Assert.Equal("online", (await response.Content.ReadFromJsonAsync<PresenceResponse>())!.Presence);
        return (seller, hub);
    }

    /// <summary>
    /// Gives <paramref name="seller"/> a profile with the standing of the Top tier (50 rated chats, 5.00), whose cap
    /// allows any rate up to the platform's highest (SellerTier): for tests about other things than tiers.
    /// </summary>
    public static async Task TopSellerAsync(this AppFactory app, Person seller)
    {
        if (!(await seller.Client.GetAsync(new Uri("/api/seller/profile", UriKind.Relative))).IsSuccessStatusCode)
        {
            Assert.Equal(HttpStatusCode.OK, (await seller.SaveProfileAsync(1)).StatusCode);
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Meterchat.Data.AppDbContext>();
        var profile = await db.FindAsync<SellerProfile>(seller.Id);
        profile!.RatingCount = 50;
        profile.RatingCentis = 500;
        await db.SaveChangesAsync();
    }

    public static async Task SetRatingAsync(this AppFactory app, string sellerId, int ratingCentis)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Meterchat.Data.AppDbContext>();
        var profile = await db.FindAsync<SellerProfile>(sellerId);
        profile!.RatingCentis = ratingCentis;
        await db.SaveChangesAsync();
    }

    public static Task<HttpResponseMessage> RequestChatAsync(this Person buyer, string sellerId, int rate, int? limit = null) =>
        buyer.Client.PostAsJsonAsync("/api/chat-requests", new ChatRequestInput(sellerId, rate, limit));

    public sealed record Me(string Id, string Email);
}
