namespace Meterchat.Sellers;

/// <summary>What a seller edits on their profile.</summary>
public sealed record ProfileInput(string DisplayName, string? Bio, int RateTokensPerMinute, bool AutoAccept, IReadOnlyList<string>? Tags, IReadOnlyList<string>? Languages);
