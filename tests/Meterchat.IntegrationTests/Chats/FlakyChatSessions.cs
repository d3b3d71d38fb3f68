using Meterchat.Chats;
using Meterchat.Chats.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Chats;

/// <summary>The real session store behind a test's hand: the clock's batch appends can be made to fail (a store outage).</summary>
internal sealed class FlakyChatSessions(ChatSessionStore inner) : IChatSessions
{
    /// <summary>While true, every <see cref="AppendAsync"/> throws before writing anything.</summary>
    public bool FailAppends { get; set; }

    public int FailedAppends { get; private set; }

    /// <summary>Appends that reached the store (each one transaction).</summary>
    public int Appends { get; private set; }

    public Task<IReadOnlyList<Guid>> AppendAsync(IReadOnlyList<ChatAppend> appends, CancellationToken ct = default)
    {
        if (FailAppends)
        {
            FailedAppends++;
            throw new InvalidOperationException("The chat store's database is unwell.");
        }

        Appends++;
        return inner.AppendAsync(appends, ct);
    }

    public Task<Guid> RequestAsync(string buyerId, string sellerId, ChatTerms terms, CancellationToken ct = default) => inner.RequestAsync(buyerId, sellerId, terms, ct);


    public Task<ChatSession?> LoadAsync(Guid sessionId, CancellationToken ct = default) => inner.LoadAsync(sessionId, ct);

    public Task<ChatSessionRow?> FindAsync(Guid sessionId, CancellationToken ct = default) => inner.FindAsync(sessionId, ct);

    public Task<IReadOnlyList<ChatSessionRow>> ListOpenAsync(CancellationToken ct = default) => inner.ListOpenAsync(ct);

    public Task<int> CountRunningAsync(CancellationToken ct = default) => inner.CountRunningAsync(ct);

    public Task<IReadOnlyList<ChatSessionRow>> ListRefundCandidatesAsync(DateTimeOffset since, CancellationToken ct = default) => inner.ListRefundCandidatesAsync(since, ct);

    public Task<IReadOnlyList<ChatSessionRow>> ListForUserAsync(string userId, int limit, CancellationToken ct = default) => inner.ListForUserAsync(userId, limit, ct);

    public Task<IReadOnlyList<(ChatSessionRow Row, ChatSession Session)>> LoadManyAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken ct = default) =>
        inner.LoadManyAsync(sessionIds, ct);

    /// <summary>Puts this store in the app's place (before the app starts).</summary>
    public static FlakyChatSessions Install(ChatAppFactory app)
    {
        app.TestServices = services =>
        {
            services.AddSingleton<ChatSessionStore>();
            services.AddSingleton<IChatSessions>(sp => new FlakyChatSessions(sp.GetRequiredService<ChatSessionStore>()));
        };
        return (FlakyChatSessions)app.Sessions;
    }
}
