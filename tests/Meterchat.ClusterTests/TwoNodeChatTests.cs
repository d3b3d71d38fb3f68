using System.Net.Http.Json;
using Meterchat.Accounts;
using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Ownership;
using Meterchat.Data;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Chats;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Ledger;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Meterchat.ClusterTests;

/// <summary>
/// Two app processes on two loopback ports sharing one PostgreSQL and one Redis. The buyer's hub is on node 1, the
/// seller's on node 2; node 1 is killed (no shutdown) mid-session, the buyer reconnects to node 2, and billing goes
/// on there. Real time passes (units are 6 s), so the test checks invariants: every unit once, none missing.
/// </summary>
[Collection(NodeProcesses.Name)]
public sealed class TwoNodeChatTests
{
    private static readonly ChatTerms Terms = new(new TokenRate(20), 2500);

    [Fact]
    public async Task A_chat_across_two_nodes_bills_once_per_unit_and_survives_the_death_of_the_node_driving_it()
    {
        var prefix = $"mc-test-{Guid.NewGuid():N}";
        var nodeOne = ClusterEnvironment.Node("node-1", prefix);
        var nodeTwo = ClusterEnvironment.Node("node-2", prefix);
        var db = TestDatabase.Create();
        string buyerEmail = AccountsApi.NewEmail("buyer"), sellerEmail = AccountsApi.NewEmail("seller");
        string buyerId, sellerId;
        Guid id;
        await using (var setup = new ChatAppFactory(db, null))
        {
            buyerId = await CreateUserAsync(setup, buyerEmail);
            sellerId = await CreateUserAsync(setup, sellerEmail);
            await setup.DepositAsync(buyerId, Micros.FromUsdt(5));
        }

        // Requested and accepted once node 1 runs: a request left ringing while a node starts may expire.
        await using var one = await AppProcess.StartAsync(db, nodeOne);
        await using (var accept = new ChatAppFactory(db, null))
        {
            id = await accept.Sessions.RequestAsync(buyerId, sellerId, Terms);
            Assert.True((await accept.Live.RecordAsync(id, new ChatAccepted(DateTimeOffset.UtcNow))).Result.IsApplied);
        }

        // The buyer joins node 1 first, so node 1 drives the session; the seller is on node 2.
        await using var buyer = await PartyClient.JoinAsync(one, buyerEmail, id);
        await using var two = await AppProcess.StartAsync(db, nodeTwo);
        await using var seller = await PartyClient.JoinAsync(two, sellerEmail, id);
        Assert.True(seller.Joined.PeerPresent, "The seller on node 2 sees the buyer who joined on node 1.");
        await WaitUnitsAsync(two, seller.Token, id, 2);
        Assert.Equal("node-1", await LeaseHolderAsync(db, id));

        one.Kill();
        var before = await UnitsAsync(two, seller.Token, id);
        await buyer.ReconnectAsync(two);
        await WaitUnitsAsync(two, buyer.Token, id, before + 2);
        Assert.Equal("node-2", await LeaseHolderAsync(db, id));

        await buyer.Connection.InvokeAsync("Leave");
        var receipt = await WaitEndedAsync(two, buyer.Token, id);

        Assert.Equal(0, await AppProcess.RunVerbAsync(db, "audit"));
        await using var check = new ChatAppFactory(db, null);
        var session = (await check.Sessions.LoadAsync(id))!;
        Assert.Equal(EndReason.BuyerLeft, session.EndReason);
        Assert.Contains(session.Events, e => e is ServerRecovered);
        Assert.Equal(receipt.Units, session.UnitsCharged);

        // Every unit the receipt's live time makes due was charged, each exactly once.
        var meter = check.Services.GetRequiredService<Meter>();
        var due = 0L;
        while (meter.DueAt(due + 1) <= TimeSpan.FromSeconds(receipt.LiveSeconds))
        {
            due++;
        }

        Assert.Equal(due, session.UnitsCharged);
        await using var scope = check.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var reference = id.ToString();
        var keys = await context.Set<LedgerTransfer>().Where(t => t.Reference == reference && t.Kind == TransferKind.ChatUnit).Select(t => t.IdempotencyKey).ToListAsync();
        Assert.Equal(Enumerable.Range(1, (int)session.UnitsCharged).Select(k => MeterClock.UnitKey(id, k)).Order(), keys.Order());
        var charged = Terms.Split.Price * session.UnitsCharged;
        Assert.Equal(Micros.FromUsdt(5) - charged, await check.Ledger.GetBalanceAsync(AccountRef.Wallet(buyerId)));
        Assert.Equal(charged, await check.Ledger.GetBalanceAsync(AccountRef.Earnings(sellerId)) + await check.Ledger.GetBalanceAsync(AccountRef.PlatformRevenue));
        Assert.Empty(await context.Set<SessionLease>().Where(l => l.SessionId == id).ToListAsync());
    }

    // Straight SQL: an app instance here would be a third node (and a single-node one would recover the session).
    private static async Task<string?> LeaseHolderAsync(TestDatabase db, Guid id)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "NodeId" FROM "SessionLeases" WHERE "SessionId" = @id""", connection);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task<string> CreateUserAsync(ChatAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow, AdultConfirmedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, AccountsApi.Password)).Succeeded);
        return user.Id;
    }

    private static async Task<ReceiptView> ReceiptAsync(AppProcess app, string token, Guid id)
    {
        using var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return (await client.GetFromJsonAsync<ReceiptView>($"/api/chats/{id}/receipt"))!;
    }

    private static async Task<long> UnitsAsync(AppProcess app, string token, Guid id) => (await ReceiptAsync(app, token, id)).Units;

    private static async Task WaitUnitsAsync(AppProcess app, string token, Guid id, long units)
    {
        for (var i = 0; i < 600 && await UnitsAsync(app, token, id) < units; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(await UnitsAsync(app, token, id) >= units, $"Fewer than {units} units were charged in a minute.");
    }

    private static async Task<ReceiptView> WaitEndedAsync(AppProcess app, string token, Guid id)
    {
        for (var i = 0; i < 100; i++)
        {
            var receipt = await ReceiptAsync(app, token, id);
            if (receipt.EndReason is not null)
            {
                return receipt;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The session did not end after the buyer left.");
    }

    /// <summary>One party's hub connection to one node, reporting live media every second until disposed.</summary>
    private sealed class PartyClient : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Guid _sessionId;
        private Task _reports = Task.CompletedTask;

        private PartyClient(HubConnection connection, string token, Guid sessionId)
        {
            Connection = connection;
            Token = token;
            _sessionId = sessionId;
        }

        public HubConnection Connection { get; private set; }

        public string Token { get; }

        public JoinResult Joined { get; private set; } = null!;

        public static async Task<PartyClient> JoinAsync(AppProcess node, string email, Guid sessionId)
        {
            using var http = new HttpClient { BaseAddress = node.Address };
            var token = (await http.LoginForTokensAsync(email)).AccessToken;
            var party = new PartyClient(Connect(node, token), token, sessionId);
            await party.Connection.StartAsync();
            party.Joined = await party.Connection.InvokeAsync<JoinResult>("Join", sessionId);
            party._reports = Task.Run(party.ReportAsync);
            return party;
        }

        /// <summary>The browser after its node died: a new connection to another node, with the same token (shared keys).</summary>
        public async Task ReconnectAsync(AppProcess node)
        {
            var connection = Connect(node, Token);
            await connection.StartAsync();
            await connection.InvokeAsync<JoinResult>("Join", _sessionId);
            var old = Connection;
            Connection = connection;
            await old.DisposeAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _reports;
            await Connection.DisposeAsync();
            _stop.Dispose();
        }

        private static HubConnection Connect(AppProcess node, string token) =>
            new HubConnectionBuilder().WithUrl(new Uri(node.Address, ChatHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token)).Build();

        private async Task ReportAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await Connection.InvokeAsync("Report", true, true, _stop.Token);
                    await Task.Delay(1000, _stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception)
                {
                    // The node under this connection is gone; the test reconnects it elsewhere.
                    await Task.Delay(200);
                }
            }
        }
    }
}
