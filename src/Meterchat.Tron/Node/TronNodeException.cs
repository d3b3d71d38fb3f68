using System.Net;

namespace Meterchat.Tron.Node;

/// <summary>The node could not answer: an HTTP error after the retries, an <c>Error</c> body, or a reply that makes no sense.</summary>
public sealed class TronNodeException : Exception
{
    public TronNodeException()
    {
    }

    public TronNodeException(string message)
        : base(message)
    {
    }

    public TronNodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TronNodeException(string message, HttpStatusCode? statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status of the last attempt, when the node answered one.</summary>
    public HttpStatusCode? StatusCode { get; }
}
