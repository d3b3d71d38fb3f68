using Microsoft.AspNetCore.Http.HttpResults;

namespace Meterchat.Accounts;

/// <summary>Why a step-up was refused: a problem type, its status, and the text to show.</summary>
public sealed record StepUpRefusal(string Type, int Status, string Title, string Detail)
{
    public ProblemHttpResult ToProblem() => AuthProblems.Problem(Type, Status, Title, Detail);
}
