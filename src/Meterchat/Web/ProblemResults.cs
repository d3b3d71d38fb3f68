using Microsoft.AspNetCore.Http.HttpResults;

namespace Meterchat.Web;

/// <summary>A <see cref="Problem"/> as the RFC 7807 answer of an endpoint.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult ToResult(this Problem problem) =>
        TypedResults.Problem(title: problem.Title, detail: problem.Detail, statusCode: problem.Status, type: problem.Type);
}
