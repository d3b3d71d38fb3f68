using System.Net.Http.Json;
using Meterchat.Accounts;
using Meterchat.Chats;
using Meterchat.Data;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Chats;
using Meterchat.Ledger;
using Meterchat.Sellers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Trust;

public sealed record TrustUser(string Id, string Email, string Token, HttpClient Http);

/// <summary>Real users over HTTP on the chat app with the clock driven by hand: sessions that went live and ended.</summary>
public static class TrustDriver
{
    /// <summary>20 tokens/min at 25 %: a unit is 20 000 µUSDT, 5 000 to the platform, 15 000 to the seller.</summary>
    public static readonly ChatTerms Seed = new(new TokenRate(20), 2500);

    public static async Task<TrustUser> UserAsync(this ChatAppFactory app, string who, bool admin = false)
    {
        var (email, token) = await app.CreateVerifiedUserAsync(who);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        if (admin)
        {
            Assert.True((await users.AddToRoleAsync(user, Roles.Admin)).Succeeded);
            using var login = app.CreateClient();
            token = (await login.LoginForTokensAsync(email)).AccessToken;
        }

        return new TrustUser(user.Id, email, token, app.CreateClient(token));
    }

    /// <summary>A seller with a profile (so browse and ratings see them).</summary>
    public static async Task<TrustUser> SellerAsync(this ChatAppFactory app, string name = "Seller")
    {
        var seller = await app.UserAsync("seller");
        var saved = await seller.Http.PutAsJsonAsync("/api/seller/profile", new ProfileInput(name, "Hello", 20, false, [], ["en"]));
        saved.EnsureSuccessStatusCode();
        return seller;
    }

    /// <summary>A session that ran <paramref name="live"/> of live time (units billed) and that the buyer then left.</summary>
    public static async Task<Guid> EndedSessionAsync(this ChatAppFactory app, TrustUser buyer, TrustUser seller, TimeSpan live)
    {
        var id = await app.LiveSessionAsync(buyer, seller, live);
        await app.Live.ApplyAsync(id, new PartyLeft(app.Time.GetUtcNow(), Party.Buyer));
        await app.Clock.TickAsync();
        Assert.Equal(ChatState.Ended, (await app.Sessions.FindAsync(id))!.State);
        return id;
    }

    public static async Task<Guid> LiveSessionAsync(this ChatAppFactory app, TrustUser buyer, TrustUser seller, TimeSpan live)
    {
        var id = await app.AcceptedSessionAsync(buyer.Id, seller.Id, Seed);
        await app.GoLiveAsync(id);
        await app.RunAsync(id, live);
        return id;
    }

    /// <summary>The seller cashed out all earnings (as a finished payout would book it).</summary>
    public static async Task WithdrawEverythingAsync(this ChatAppFactory app, string sellerId)
    {
        var earnings = await app.Ledger.GetBalanceAsync(AccountRef.Earnings(sellerId));
        Assert.True((await app.Ledger.TransferAsync(TransferRequest.Move($"test:paid:{Guid.NewGuid():N}", TransferKind.WithdrawalPaid,
            AccountRef.Earnings(sellerId), AccountRef.ChainWithdrawals, earnings))).Succeeded);
    }

    public static Task<Micros> BalanceAsync(this ChatAppFactory app, AccountRef account) => app.Ledger.GetBalanceAsync(account);
}
