using Meterchat.Chats;
using Meterchat.Chats.Live;
using Meterchat.Chats.Receipts;
using Meterchat.Chats.Store;
using Meterchat.Data;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Chats;

public sealed class ChatSessionStoreTests(AppFactory app) : IClassFixture<AppFactory>
{
    private IChatSessions Sessions => app.Services.GetRequiredService<IChatSessions>();

    private LiveSessions Live => app.Services.GetRequiredService<LiveSessions>();

    [Fact]
    public async Task A_stored_log_replays_to_the_same_session()
    {
        var terms = new ChatTerms(new TokenRate(20), 2500, Micros.FromTokens(100));
        var id = await Sessions.RequestAsync("buyer-1", "seller-1", terms);
        var (accepted, _) = await Live.RecordAsync(id, new ChatAccepted(app.Time.GetUtcNow()));
        var (declined, _) = await Live.RecordAsync(id, new ChatDeclined(app.Time.GetUtcNow()));

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
        await Live.RecordAsync(id, new ChatAccepted(app.Time.GetUtcNow()));

        await Task.WhenAll(
            Live.ApplyAsync(id, new PartyConnected(app.Time.GetUtcNow(), Party.Buyer)),
            Live.ApplyAsync(id, new PartyConnected(app.Time.GetUtcNow(), Party.Seller)));
        await Task.WhenAll(
            Live.ApplyAsync(id, new MediaReported(app.Time.GetUtcNow(), Party.Buyer, true, true)),
            Live.ApplyAsync(id, new MediaReported(app.Time.GetUtcNow(), Party.Seller, true, true)));

        var session = await Sessions.LoadAsync(id);
        Assert.Equal(ChatState.Live, session!.State);
        Assert.Equal(ChatState.Live, (await Sessions.FindAsync(id))!.State);
    }

    [Fact]
    public async Task Concurrent_answers_to_one_request_land_exactly_once()
    {
        var id = await Sessions.RequestAsync("buyer-3", "seller-3", new ChatTerms(new TokenRate(10), 2500));

        var answers = await Task.WhenAll(
            Live.RecordAsync(id, new ChatAccepted(app.Time.GetUtcNow())),
            Live.RecordAsync(id, new ChatDeclined(app.Time.GetUtcNow())));

        Assert.Single(answers, a => a.Result.IsApplied);
        var row = await Sessions.FindAsync(id);
        Assert.Equal(2, row!.EventCount);
        Assert.Equal(answers.Single(a => a.Result.IsApplied).Session.State, row.State);
    }

    [Fact]
    public async Task The_clock_stores_40000_sessions_events_in_one_append()
    {
        // More sessions than SQLite's 32,766 bound variables per statement: the store must not put them all in one IN list.
        const int Count = 40_000;
        var at = app.Time.GetUtcNow();
        var terms = new ChatTerms(new TokenRate(20), 2500);
        var session = ChatSession.Request(new ChatRequested(at, terms), app.Services.GetRequiredService<MeterSource>().Current, app.Services.GetRequiredService<IMediaEvidence>());
        var ids = Enumerable.Range(0, Count).Select(_ => Guid.CreateVersion7(at)).ToList();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.AddRange(ids.Select(id => new ChatSessionRow { Id = id, BuyerId = "bulk-buyer", SellerId = "bulk-seller", RateTokensPerMinute = 20, CommissionBasisPoints = 2500, CreatedAt = at, EventCount = 1, Version = 1 }));
            await db.SaveChangesAsync();
        }

        Assert.True(session.Apply(new ChatAccepted(at)).IsApplied);
        var conflicts = await Sessions.AppendAsync(ids.Select(id => new ChatAppend(id, session, 1)).ToList());

        Assert.Empty(conflicts);
        await using var check = app.Services.CreateAsyncScope();
        var stored = check.ServiceProvider.GetRequiredService<AppDbContext>().Set<ChatSessionRow>();
        Assert.Equal(Count, await stored.CountAsync(r => r.BuyerId == "bulk-buyer" && r.State == ChatState.Accepted && r.EventCount == 2));
    }

    [Fact]
    public async Task A_stale_append_is_a_conflict_and_the_others_in_its_batch_are_stored()
    {
        var fresh = await Sessions.RequestAsync("buyer-4", "seller-4", new ChatTerms(new TokenRate(10), 2500));
        var stale = await Sessions.RequestAsync("buyer-5", "seller-5", new ChatTerms(new TokenRate(10), 2500));
        var freshSession = (await Sessions.LoadAsync(fresh))!;
        var staleSession = (await Sessions.LoadAsync(stale))!;
        await Live.RecordAsync(stale, new ChatDeclined(app.Time.GetUtcNow())); // the stored log moves on
        freshSession.Apply(new ChatAccepted(app.Time.GetUtcNow()));
        staleSession.Apply(new ChatAccepted(app.Time.GetUtcNow()));

        var conflicts = await Sessions.AppendAsync([new ChatAppend(fresh, freshSession, 1), new ChatAppend(stale, staleSession, 1)]);

        Assert.Equal([stale], conflicts);
        Assert.Equal(ChatState.Accepted, (await Sessions.LoadAsync(fresh))!.State);
        Assert.Equal(ChatState.Declined, (await Sessions.LoadAsync(stale))!.State);
        var row = (await Sessions.FindAsync(fresh))!;
        Assert.Equal((ChatState.Accepted, 2, 2), (row.State, row.EventCount, row.Version));
        await using var scope = app.Services.CreateAsyncScope();
        var log = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ChatEventRow>().AsNoTracking()
            .Where(e => e.SessionId == fresh).OrderBy(e => e.Seq).ToListAsync();
        Assert.Equal(row.ChainHead, log[^1].Hash); // the chain runs on through the set-based insert
        Assert.Equal(EventChain.Next(log[0].Hash!, log[1].Json), log[1].Hash);
    }

    [Fact]
    public async Task An_event_another_writer_stored_first_fails_the_whole_append_and_stores_nothing()
    {
        var id = await Sessions.RequestAsync("buyer-6", "seller-6", new ChatTerms(new TokenRate(10), 2500));
        var other = await Sessions.RequestAsync("buyer-7", "seller-7", new ChatTerms(new TokenRate(10), 2500));
        var session = (await Sessions.LoadAsync(id))!;
        var otherSession = (await Sessions.LoadAsync(other))!;
        session.Apply(new ChatAccepted(app.Time.GetUtcNow()));
        otherSession.Apply(new ChatAccepted(app.Time.GetUtcNow()));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A writer that stored event 1 but whose row update is not visible yet: the unique (session, seq) index catches it.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(new ChatEventRow { SessionId = id, Seq = 1, At = app.Time.GetUtcNow(), Json = ChatJson.Serialize(new ChatDeclined(app.Time.GetUtcNow())) });
            await db.SaveChangesAsync();
        }

        var conflicts = await Sessions.AppendAsync([new ChatAppend(other, otherSession, 1), new ChatAppend(id, session, 1)]);

        Assert.Equal([other, id], conflicts);
        var rows = new[] { (await Sessions.FindAsync(id))!, (await Sessions.FindAsync(other))! };
        Assert.All(rows, r => Assert.Equal((ChatState.Requested, 1, 1), (r.State, r.EventCount, r.Version)));
        Assert.Equal(ChatState.Requested, (await Sessions.LoadAsync(other))!.State);
    }

    [Fact]
    public async Task An_append_after_its_own_write_updates_the_row_without_reading_it()
    {
        var id = await Sessions.RequestAsync("buyer-8", "seller-8", new ChatTerms(new TokenRate(10), 2500));
        var session = (await Sessions.LoadAsync(id))!;
        var head = new StoredHead();
        using var reads = new SessionRowReads(id);

        session.Apply(new ChatAccepted(app.Time.GetUtcNow()));
        Assert.Empty(await Sessions.AppendAsync([new ChatAppend(id, session, 1, Head: head)]));
        var firstReads = reads.Count;
        session.Apply(new PartyConnected(app.Time.GetUtcNow(), Party.Buyer));
        Assert.Empty(await Sessions.AppendAsync([new ChatAppend(id, session, 2, Head: head)]));

        Assert.Equal(1, firstReads); // nothing known yet: the row is read
        Assert.Equal(1, reads.Count); // written here last: not read again
        var row = (await Sessions.FindAsync(id))!;
        Assert.Equal((ChatState.Connecting, 3, 3), (row.State, row.EventCount, row.Version));
        await AssertChainedAsync(row);
    }

    [Fact]
    public async Task A_row_another_writer_bumped_is_read_again_and_the_append_lands()
    {
        var id = await Sessions.RequestAsync("buyer-9", "seller-9", new ChatTerms(new TokenRate(10), 2500));
        var session = (await Sessions.LoadAsync(id))!;
        var head = new StoredHead();
        session.Apply(new ChatAccepted(app.Time.GetUtcNow()));
        Assert.Empty(await Sessions.AppendAsync([new ChatAppend(id, session, 1, Head: head)]));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A writer that changes the row but not the log (as the retention job does): it bumps the version.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.Set<ChatSessionRow>().SingleAsync(r => r.Id == id);
            stored.Version++;
            await db.SaveChangesAsync();
        }

        session.Apply(new PartyConnected(app.Time.GetUtcNow(), Party.Buyer));
        var conflicts = await Sessions.AppendAsync([new ChatAppend(id, session, 2, Head: head)]);

        Assert.Empty(conflicts);
        var row = (await Sessions.FindAsync(id))!;
        Assert.Equal((ChatState.Connecting, 3, 4), (row.State, row.EventCount, row.Version));
        await AssertChainedAsync(row);
    }

    [Fact]
    public async Task A_remembered_row_whose_log_moved_on_is_a_conflict_and_the_rest_of_the_batch_lands()
    {
        var id = await Sessions.RequestAsync("buyer-10", "seller-10", new ChatTerms(new TokenRate(10), 2500));
        var other = await Sessions.RequestAsync("buyer-11", "seller-11", new ChatTerms(new TokenRate(10), 2500));
        var (session, otherSession) = ((await Sessions.LoadAsync(id))!, (await Sessions.LoadAsync(other))!);
        var (head, otherHead) = (new StoredHead(), new StoredHead());
        session.Apply(new ChatAccepted(app.Time.GetUtcNow()));
        otherSession.Apply(new ChatAccepted(app.Time.GetUtcNow()));
        Assert.Empty(await Sessions.AppendAsync([new ChatAppend(id, session, 1, Head: head), new ChatAppend(other, otherSession, 1, Head: otherHead)]));
        var elsewhere = (await Sessions.LoadAsync(id))!; // another writer's copy stores an event first
        elsewhere.Apply(new PartyLeft(app.Time.GetUtcNow(), Party.Seller));
        Assert.Empty(await Sessions.AppendAsync([new ChatAppend(id, elsewhere, 2)]));

        session.Apply(new PartyConnected(app.Time.GetUtcNow(), Party.Buyer));
        otherSession.Apply(new PartyConnected(app.Time.GetUtcNow(), Party.Buyer));
        var conflicts = await Sessions.AppendAsync([new ChatAppend(id, session, 2, Head: head), new ChatAppend(other, otherSession, 2, Head: otherHead)]);

        Assert.Equal([id], conflicts);
        Assert.Equal(ChatState.Ended, (await Sessions.LoadAsync(id))!.State);
        Assert.Equal(ChatState.Connecting, (await Sessions.LoadAsync(other))!.State);
        await AssertChainedAsync((await Sessions.FindAsync(id))!);
        await AssertChainedAsync((await Sessions.FindAsync(other))!);
    }

    private async Task AssertChainedAsync(ChatSessionRow row)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var log = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ChatEventRow>().AsNoTracking()
            .Where(e => e.SessionId == row.Id).OrderBy(e => e.Seq).ToListAsync();
        Assert.Equal(row.EventCount, log.Count);
        for (var i = 1; i < log.Count; i++)
        {
            Assert.Equal(EventChain.Next(log[i - 1].Hash!, log[i].Json), log[i].Hash);
        }

        Assert.Equal(row.ChainHead, log[^1].Hash);
    }
}
