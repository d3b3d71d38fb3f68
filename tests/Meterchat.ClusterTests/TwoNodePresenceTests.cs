using System.Net.Http.Json;
using Meterchat.Accounts;
using Meterchat.Data;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Chats;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Sellers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.ClusterTests;

/// <summary>A seller's page is connected to node 2; node 1 serves the same user and the buyers who browse.</summary>
public sealed class TwoNodePresenceTests
{
    [Fact]
    public async Task A_seller_connected_to_one_node_is_online_on_the_other_and_a_token_from_one_works_on_both()
    {
        var prefix = $"mc-test-{Guid.NewGuid():N}";
        var db = TestDatabase.Create();
        var email = AccountsApi.NewEmail("seller");
        string sellerId;
        await using (var setup = new ChatAppFactory(db, null))
        {
            await using var scope = setup.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow, AdultConfirmedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user, AccountsApi.Password)).Succeeded);
            sellerId = user.Id;
        }

        await using var one = await AppProcess.StartAsync(db, ClusterEnvironment.Node("node-1", prefix));
        await using var two = await AppProcess.StartAsync(db, ClusterEnvironment.Node("node-2", prefix));
        using var onTwo = new HttpClient { BaseAddress = two.Address };
        var token = (await onTwo.LoginForTokensAsync(email)).AccessToken;
        onTwo.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var onOne = new HttpClient { BaseAddress = one.Address };
        onOne.DefaultRequestHeaders.Authorization = new("Bearer", token);

        (await onTwo.PutAsJsonAsync("/api/seller/profile", new ProfileInput("Ann", null, 20, false, null, null))).EnsureSuccessStatusCode();
        await using var page = new HubConnectionBuilder()
            .WithUrl(new Uri(two.Address, "/hubs/presence"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token)).Build();
        await page.StartAsync();
        await page.InvokeAsync("AttachSeller");
        var online = await onTwo.PostAsJsonAsync("/api/seller/presence", new PresenceInput(true));
        Assert.Equal("online", (await online.Content.ReadFromJsonAsync<PresenceResponse>())!.Presence);

        // Node 1 has no link of its own to the seller's page; it recomputes the presence and must still find it.
        var again = await onOne.PostAsJsonAsync("/api/seller/presence", new PresenceInput(true));
        Assert.Equal("online", (await again.Content.ReadFromJsonAsync<PresenceResponse>())!.Presence);
        Assert.Equal("online", (await onOne.GetFromJsonAsync<SellerCard>($"/api/sellers/{sellerId}"))!.Presence);
    }
}
