namespace Meterchat.Trust.Fraud;

/// <summary>A rule's finding for one user, before it is stored as a <see cref="FraudFlag"/>.</summary>
public sealed record FlagHit(string UserId, string Rule, string Key, object Evidence);
