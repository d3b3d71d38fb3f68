using System.Net;
using System.Net.Http.Json;
using Meterchat.Chats;
using Meterchat.Chats.Store;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Sellers;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Sellers;

public sealed class BlockAndReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Blocking_ends_the_active_chat_and_refuses_later_requests()
    {
        var (seller, sellerHub) = await app.NewOnlineSellerAsync(rate: 10);
        var buyer = await app.NewPersonAsync("buyer", walletTokens: 100);
        var request = (await (await buyer.RequestChatAsync(seller.Id, 10)).Content.ReadFromJsonAsync<ChatRequestResponse>())!;
        await seller.Client.PostAsync($"/api/seller/requests/{request.SessionId}/accept", null);

        Assert.Equal(HttpStatusCode.NoContent, (await seller.Client.PostAsJsonAsync("/api/seller/blocks", new BlockInput(buyer.Id))).StatusCode);

        var row = await app.Services.GetRequiredService<IChatSessions>().FindAsync(request.SessionId);
        Assert.Equal(ChatState.Ended, row!.State);
        Assert.Equal(EndReason.Blocked, row.EndReason);
        await sellerHub.WaitAsync<PresenceUpdate>(nameof(IPresenceClient.PresenceChanged), u => u.SellerId == seller.Id && u.Presence == "online");
        var again = await buyer.RequestChatAsync(seller.Id, 10);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Equal("chat/blocked", await again.ProblemTypeAsync());

        var other = await app.NewPersonAsync("buyer", walletTokens: 100);
        Assert.Equal(HttpStatusCode.OK, (await other.RequestChatAsync(seller.Id, 10)).StatusCode);
        await sellerHub.DisposeAsync();
    }

    [Fact]
    public async Task A_seller_lists_blocked_buyers_and_unblocking_lets_them_request_again()
    {
        var (seller, sellerHub) = await app.NewOnlineSellerAsync(rate: 10);
        var buyer = await app.NewPersonAsync("buyer", walletTokens: 100);
        await seller.Client.PostAsJsonAsync("/api/seller/blocks", new BlockInput(buyer.Id));

        var blocked = Assert.Single((await seller.Client.GetFromJsonAsync<List<BlockedBuyer>>("/api/seller/blocks"))!);
        Assert.Equal((buyer.Id, $"Buyer {buyer.Id[..6]}"), (blocked.BuyerId, blocked.Name));
        Assert.Empty((await buyer.Client.GetFromJsonAsync<List<BlockedBuyer>>("/api/seller/blocks"))!); // one's own list only
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.RequestChatAsync(seller.Id, 10)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await seller.Client.DeleteAsync($"/api/seller/blocks/{buyer.Id}")).StatusCode);

        Assert.Empty((await seller.Client.GetFromJsonAsync<List<BlockedBuyer>>("/api/seller/blocks"))!);
        Assert.Equal(HttpStatusCode.OK, (await buyer.RequestChatAsync(seller.Id, 10)).StatusCode);
        await sellerHub.DisposeAsync();
    }

    [Fact]
    public async Task A_report_lands_in_the_admin_queue()
    {
        var reporter = await app.NewPersonAsync("reporter");
        var subject = await app.NewPersonAsync("subject");

        var response = await reporter.Client.PostAsJsonAsync("/api/reports", new ReportInput(subject.Id, "Rude on camera"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var reports = app.Services.CreateScope().ServiceProvider.GetRequiredService<Reports>();
        Assert.Contains(await reports.ListAsync(), r => r.SubjectId == subject.Id && r.Reason == "Rude on camera" && r.ReporterId == reporter.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.Client.GetAsync("/api/admin/reports")).StatusCode);
    }
}
