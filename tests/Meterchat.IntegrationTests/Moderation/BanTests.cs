using System.Net;
using System.Net.Http.Json;
using Meterchat.Accounts;
using Meterchat.Chats;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Chats;
using Meterchat.IntegrationTests.Sellers;
using Meterchat.Data;
using Meterchat.Ledger;
using Meterchat.Sellers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Moderation;

public sealed class BanTests : IAsyncLifetime
{
    private readonly ChatAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Ban_ends_the_users_live_session_and_refuses_their_token_on_the_next_request()
    {
        var admin = await _app.NewAdminAsync();
        var buyer = await _app.NewPersonAsync("buyer");
        var seller = await _app.NewPersonAsync("seller");
        await _app.DepositAsync(buyer.Id, Micros.FromUsdt(10));
        var id = await _app.AcceptedSessionAsync(buyer.Id, seller.Id, new ChatTerms(new TokenRate(20), 2500));
        await _app.GoLiveAsync(id);
        await _app.RunAsync(id, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await seller.Client.GetAsync("/api/auth/me")).StatusCode);

        var ban = await admin.BanAsync(seller.Id, "Recorded the buyer without consent");

        Assert.Equal(HttpStatusCode.NoContent, ban.StatusCode);
        var session = (await _app.Sessions.LoadAsync(id))!;
        Assert.Equal(ChatState.Ended, session.State);
        Assert.Equal(EndReason.Banned, session.EndReason);
        Assert.True(session.UnitsCharged > 0);
        Assert.Equal(HttpStatusCode.Forbidden, (await seller.Client.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await buyer.Client.GetAsync("/api/auth/me")).StatusCode);
        var receipt = await buyer.Client.GetFromJsonAsync<ReceiptDto>($"/api/chats/{id}/receipt");
        Assert.Equal("Banned", receipt!.EndReason);
        Assert.True((await _app.AuditAsync()).Passed);

        var row = Assert.Single(await admin.AuditAsync($"action=user.ban&target=user:{seller.Id}"));
        Assert.Equal(admin.Id, row.ActorId);
        Assert.Equal("Recorded the buyer without consent", row.Reason);
    }

    [Fact]
    public async Task Banned_user_cannot_sign_in_until_unbanned()
    {
        var admin = await _app.NewAdminAsync();
        var (email, token) = await _app.CreateVerifiedUserAsync("member");
        using var member = _app.CreateClient(token);
        var me = (await member.GetFromJsonAsync<SellersApi.Me>("/api/auth/me"))!;
        using var anonymous = _app.CreateClient();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.BanAsync(me.Id)).StatusCode);
        var login = await anonymous.LoginAsync(email);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(AuthProblems.Banned, await login.ProblemTypeAsync());
        Assert.NotNull((await admin.UserAsync(me.Id)).BannedAt);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.UnbanAsync(me.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.LoginAsync(email)).StatusCode);
        var actions = (await admin.UserAsync(me.Id)).Audit.Select(a => a.Action).ToList();
        Assert.Equal(["user.unban", "user.ban"], actions);
    }

    [Fact]
    public async Task A_ban_needs_a_reason_and_an_admin_cannot_ban_themselves()
    {
        var admin = await _app.NewAdminAsync();
        var member = await _app.NewPersonAsync("member");

        var noReason = await admin.BanAsync(member.Id, "  ");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("moderation/reason-required", await noReason.ProblemTypeAsync());

        var self = await admin.BanAsync(admin.Id);
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Equal("moderation/self-ban", await self.ProblemTypeAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/api/auth/me")).StatusCode);
        Assert.Empty(await admin.AuditAsync("action=user.ban"));
    }

    [Fact]
    public async Task Ban_takes_an_online_seller_offline()
    {
        var admin = await _app.NewAdminAsync();
        var (seller, hub) = await _app.NewOnlineSellerAsync(20);
        await using var _ = hub;

        Assert.Equal(HttpStatusCode.NoContent, (await admin.BanAsync(seller.Id)).StatusCode);

        await using var scope = _app.Services.CreateAsyncScope();
        var profile = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SellerProfile>().AsNoTracking().SingleAsync(p => p.UserId == seller.Id);
        Assert.Equal(Presence.Offline, profile.Presence);
        Assert.False(profile.WantsOnline);
    }

    private sealed record ReceiptDto(string State, string? EndReason, long Units);
}
