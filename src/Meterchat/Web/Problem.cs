namespace Meterchat.Web;

/// <summary>
/// A refusal with a stable RFC 7807 problem type; the UI shows <see cref="Detail"/>. Each feature keeps the catalogue
/// of its types (e.g. <c>WithdrawalProblems</c>, <c>AuthProblems</c>) and builds its refusals as this one shape.
/// Plain data, so the pure rule cores (e.g. <c>WithdrawalPolicy</c>) can return it; <see cref="ProblemResults"/> answers it.
/// </summary>
public sealed record Problem(int Status, string Type, string Title, string Detail);
