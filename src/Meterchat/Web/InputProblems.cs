namespace Meterchat.Web;

/// <summary>The stable problem types of requests refused before any feature looked at them.</summary>
public static class InputProblems
{
    /// <summary>The body, a query value or a form could not be read as the route expects (syntax or types).</summary>
    public const string Malformed = "request/malformed";

    /// <summary>A text is too long for what it names, or holds a NUL byte or another control character.</summary>
    public const string InvalidText = "request/invalid-text";

    /// <summary>The request body exceeds the server's limit.</summary>
    public const string TooLarge = "request/too-large";

    /// <summary>Another request changed the same thing at the same moment; repeating the request is safe.</summary>
    public const string Conflict = "request/conflict";

    /// <summary>A browser (cookie) request that changes something came without the page's antiforgery token.</summary>
    public const string Antiforgery = "request/antiforgery";

    public static IResult Problem(string type, int status, string title, string detail) =>
        new Problem(status, type, title, detail).ToResult();
}
