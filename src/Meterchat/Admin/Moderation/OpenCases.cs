namespace Meterchat.Admin.Moderation;

/// <summary>Moderation work waiting for an admin: disputes without a decision and reports still open.</summary>
public sealed record OpenCases(int Disputes, int Reports);
