using System.Collections;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Meterchat.IntegrationTests.Chats;

/// <summary>
/// Counts EF Core queries that read the "ChatSessions" rows of one session (by its id among the command's parameters),
/// from EF's diagnostic events; other tests running meanwhile query other ids and are not counted.
/// </summary>
internal sealed class SessionRowReads : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly Guid _id;
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    public SessionRowReads(Guid id)
    {
        _id = id;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public int Count => Volatile.Read(ref _count);

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        if (e.Key == RelationalEventId.CommandExecuting.Name && e.Value is CommandEventData { Command: var command }
            && command.CommandText.Contains("FROM \"ChatSessions\"", StringComparison.Ordinal)
            && command.Parameters.Cast<System.Data.Common.DbParameter>().Any(p => Names(p.Value)))
        {
            Interlocked.Increment(ref _count);
        }
    }

    // SQLite binds the id list as JSON text (uppercase ids), PostgreSQL as an array of Guids.
    private bool Names(object? value) => value switch
    {
        string text => text.Contains(_id.ToString(), StringComparison.OrdinalIgnoreCase),
        Guid id => id == _id,
        IEnumerable items => items.Cast<object?>().Any(Names),
        _ => false,
    };

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
