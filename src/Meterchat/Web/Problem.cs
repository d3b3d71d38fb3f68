using Microsoft.AspNetCore.Http.HttpResults;

namespace Meterchat.Web;

/// <summary>
/// A refusal with a stable RFC 7807 problem type; the UI shows <see cref="Detail"/>. Each feature keeps the catalogue
/// of its types (e.g. <c>WithdrawalProblems</c>, <c>AuthProblems</c>) and builds its refusals as this one shape.
/// </summary>
public sealed record Problem(int Status, string Type, string Title, string Detail)
{
    public ProblemHttpResult ToResult() => TypedResults.Problem(title: Title, detail: Detail, statusCode: Status, type: Type);
}
