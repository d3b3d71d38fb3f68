using Microsoft.AspNetCore.Http.HttpResults;

namespace Meterchat.Trust;

/// <summary>A refusal with a stable problem type (RFC 7807) such as <c>dispute/window-closed</c>; the UI shows <see cref="Detail"/>.</summary>
public sealed record TrustProblem(int Status, string Type, string Title, string Detail)
{
    public ProblemHttpResult ToResult() => TypedResults.Problem(title: Title, detail: Detail, statusCode: Status, type: Type);

    /// <summary>A session of someone else's is indistinguishable from a missing one.</summary>
    public static TrustProblem ChatNotFound { get; } = new(404, "chat/not-found", "No such chat", "There is no chat with this id among yours.");
}

/// <summary>A use case's answer: a value, or the problem that refused it.</summary>
public readonly record struct TrustOutcome<T>(T? Value, TrustProblem? Problem)
{
    public static implicit operator TrustOutcome<T>(T value) => new(value, null);

    public static implicit operator TrustOutcome<T>(TrustProblem problem) => new(default, problem);
}
