namespace Meterchat.IntegrationTests.Chats;

/// <summary>The last lines a child process wrote to standard error, bounded so a chatty process cannot grow it.</summary>
public sealed class ErrorTail
{
    private const int Lines = 60;
    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _lines.Enqueue(line);
            if (_lines.Count > Lines)
            {
                _lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return _lines.Count == 0 ? "(nothing)" : string.Join(Environment.NewLine, _lines);
        }
    }
}
