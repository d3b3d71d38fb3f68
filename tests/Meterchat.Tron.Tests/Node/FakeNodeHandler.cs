using System.Net;

namespace Meterchat.Tron.Tests.Node;

/// <summary>
/// A node at the HttpMessageHandler boundary: answers each request from a script (per path, in order;
/// the last answer repeats) and records what it was asked.
/// </summary>
internal sealed class FakeNodeHandler : HttpMessageHandler
{
    private readonly Dictionary<string, Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>>> _script = [];

    public List<(string Path, string Body, HttpRequestMessage Request)> Requests { get; } = [];

    public FakeNodeHandler Answer(string path, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        Answer(path, (_, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") }));

    public FakeNodeHandler Answer(string path, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer)
    {
        if (!_script.TryGetValue(path, out var queue))
        {
            _script[path] = queue = new();
        }

        queue.Enqueue(answer);
        return this;
    }

    public int CountOf(string path) => Requests.Count(r => r.Path == path);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath.TrimStart('/');
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add((path, body, request));
        }

        if (!_script.TryGetValue(path, out var queue))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var answer = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
        return await answer(request, cancellationToken);
    }
}
