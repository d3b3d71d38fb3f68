using Meterchat.Chats;
using Meterchat.Chats.Store;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Chats;

public sealed class ChatSessionStoreTests(AppFactory app) : IClassFixture<AppFactory>
{
    private IChatSessions Sessions => app.Services.GetRequiredService<IChatSessions>();

    [Fact]
    public async Task A_stored_log_replays_to_the_same_session()
    {
        var terms = new ChatTerms(new TokenRate(20), 2500, Micros.FromTokens(100));
        var id = await Sessions.RequestAsync("buyer-1", "seller-1", terms);
        var (accepted, _) = await Sessions.ApplyAsync(id, new ChatAccepted(app.Time.GetUtcNow()));
        var (declined, _) = await Sessions.ApplyAsync(id, new ChatDeclined(app.Time.GetUtcNow()));

        var session = await Sessions.LoadAsync(id);
        var row = await Sessions.FindAsync(id);

        Assert.True(accepted.IsApplied);
        Assert.False(declined.IsApplied);
        Assert.Equal(ChatState.Accepted, session!.State);
        Assert.Equal(terms.FrozenFrom(new MeterOptions()), session.Terms); // the meter's numbers are frozen in at request
        Assert.Equal(ChatState.Accepted, row!.State);
        Assert.Equal(2, row.EventCount);
    }

    [Fact]
    public async Task Concurrent_writers_of_one_session_all_land_in_order()
    {
        var id = await Sessions.RequestAsync("buyer-2", "seller-2", new ChatTerms(new TokenRate(10), 2500));
        await Sessions.ApplyAsync(id, new ChatAccepted(app.Time.GetUtcNow()));

        await Task.WhenAll(
            Sessions.ApplyAsync(id, new PartyConnected(app.Time.GetUtcNow(), Party.Buyer)),
            Sessions.ApplyAsync(id, new PartyConnected(app.Time.GetUtcNow(), Party.Seller)));
        await Task.WhenAll(
            Sessions.ApplyAsync(id, new MediaReported(app.Time.GetUtcNow(), Party.Buyer, true, true)),
            Sessions.ApplyAsync(id, new MediaReported(app.Time.GetUtcNow(), Party.Seller, true, true)));

        var session = await Sessions.LoadAsync(id);
        Assert.Equal(ChatState.Live, session!.State);
        Assert.Equal(ChatState.Live, (await Sessions.FindAsync(id))!.State);
    }
}
