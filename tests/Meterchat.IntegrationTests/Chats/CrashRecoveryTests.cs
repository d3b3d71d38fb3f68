using System.Net.Http.Json;
using Meterchat.Accounts;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Data;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.Ledger;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Chats;

/// <summary>
/// The server process is killed (no graceful shutdown) in the middle of a live session and started again.
/// Real time passes, so the test checks invariants, not exact counts.
/// </summary>
public sealed class CrashRecoveryTests
{
    private static readonly ChatTerms Seed = new(new TokenRate(20), 2500);

    [Fact]
    public async Task A_killed_server_restarts_without_duplicate_units_and_the_ledger_audits()
    {
        var db = Infrastructure.TestDatabase.Create();
        string buyerEmail = AccountsApi.NewEmail("buyer"), sellerEmail = AccountsApi.NewEmail("seller");
        string buyerId, sellerId;
        Guid id;
        await using (var setup = new ChatAppFactory(db, null))
        {
            buyerId = await CreateUserAsync(setup, buyerEmail);
            sellerId = await CreateUserAsync(setup, sellerEmail);
            await setup.DepositAsync(buyerId, Micros.FromUsdt(5));
            id = await setup.Sessions.RequestAsync(buyerId, sellerId, Seed);
        }

        await using (var first = await AppProcess.StartAsync(db))
        {
            await AcceptAsync(db, id);
            await using var call = await Call.StartAsync(first, buyerEmail, sellerEmail, id);
            await WaitUnitsAsync(first, call.BuyerToken, id, 2);
            first.Kill();
        }

        long unitsAfter;
        await using (var second = await AppProcess.StartAsync(db))
        {
            await using var call = await Call.StartAsync(second, buyerEmail, sellerEmail, id);
            var before = await UnitsAsync(second, call.BuyerToken, id);
            await WaitUnitsAsync(second, call.BuyerToken, id, before + 1);
            await call.Buyer.InvokeAsync("Leave");
            await Task.Delay(500);
            unitsAfter = await UnitsAsync(second, call.BuyerToken, id);
        }

        Assert.Equal(0, await AppProcess.RunVerbAsync(db, "audit"));
        await using var check = new ChatAppFactory(db, null);
        var session = (await check.Sessions.LoadAsync(id))!;
        Assert.Equal(EndReason.BuyerLeft, session.EndReason);
        Assert.Equal(unitsAfter, session.UnitsCharged);
        Assert.Contains(session.Events, e => e is ServerRecovered);

        await using var scope = check.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var reference = id.ToString();
        var keys = await context.Set<LedgerTransfer>().Where(t => t.Reference == reference && t.Kind == TransferKind.ChatUnit).Select(t => t.IdempotencyKey).ToListAsync();
        Assert.Equal(Enumerable.Range(1, (int)session.UnitsCharged).Select(k => MeterClock.UnitKey(id, k)).Order(), keys.Order());
        var charged = Seed.Split.Price * session.UnitsCharged;
        Assert.Equal(Micros.FromUsdt(5) - charged, await check.Ledger.GetBalanceAsync(AccountRef.Wallet(buyerId)));
        Assert.Equal(charged, await check.Ledger.GetBalanceAsync(AccountRef.Earnings(sellerId)) + await check.Ledger.GetBalanceAsync(AccountRef.PlatformRevenue));
    }

    private static async Task AcceptAsync(Infrastructure.TestDatabase db, Guid id)
    {
        await using var app = new ChatAppFactory(db, null);
        await app.Live.RecordAsync(id, new ChatAccepted(DateTimeOffset.UtcNow));
    }

    private static async Task<string> CreateUserAsync(ChatAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow, AdultConfirmedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, AccountsApi.Password)).Succeeded);
        return user.Id;
    }

    private static async Task<long> UnitsAsync(AppProcess app, string token, Guid id)
    {
        using var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return (await client.GetFromJsonAsync<ReceiptView>($"/api/chats/{id}/receipt"))!.Units;
    }

    private static async Task WaitUnitsAsync(AppProcess app, string token, Guid id, long units)
    {
        for (var i = 0; i < 300 && await UnitsAsync(app, token, id) < units; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(await UnitsAsync(app, token, id) >= units);
    }

    /// <summary>Both parties connected over real HTTP, reporting live media every second until disposed.</summary>
    private sealed class Call : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task _reports = Task.CompletedTask;

        private Call(HubConnection buyer, HubConnection seller, string buyerToken)
        {
            Buyer = buyer;
            Seller = seller;
            BuyerToken = buyerToken;
        }

        public HubConnection Buyer { get; }

        public HubConnection Seller { get; }

        public string BuyerToken { get; }

        public static async Task<Call> StartAsync(AppProcess app, string buyerEmail, string sellerEmail, Guid id)
        {
            using var http = new HttpClient { BaseAddress = app.Address };
            var buyerToken = (await http.LoginForTokensAsync(buyerEmail)).AccessToken;
            var sellerToken = (await http.LoginForTokensAsync(sellerEmail)).AccessToken;
            var call = new Call(Connect(app, buyerToken), Connect(app, sellerToken), buyerToken);
            foreach (var hub in new[] { call.Buyer, call.Seller })
            {
                await hub.StartAsync();
                await hub.InvokeAsync<JoinResult>("Join", id);
            }

            call._reports = Task.Run(async () =>
            {
                while (!call._stop.IsCancellationRequested)
                {
                    try
                    {
                        await call.Buyer.InvokeAsync("Report", true, true);
                        await call.Seller.InvokeAsync("Report", true, true);
                        await Task.Delay(1000, call._stop.Token);
                    }
                    catch (Exception) when (call._stop.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception)
                    {
                        await Task.Delay(200);
                    }
                }
            });
            return call;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _reports;
            await Buyer.DisposeAsync();
            await Seller.DisposeAsync();
            _stop.Dispose();
        }

        private static HubConnection Connect(AppProcess app, string token) =>
            new HubConnectionBuilder().WithUrl(new Uri(app.Address, ChatHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token)).Build();
    }
}
