namespace Meterchat.Admin.Dashboard;

/// <summary>Chats requested in one UTC hour, and how many of them were billed (at least one unit).</summary>
public sealed record HourFigures(DateTimeOffset Hour, int Requested, int Billed);
