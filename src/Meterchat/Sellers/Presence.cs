namespace Meterchat.Sellers;

/// <summary>A seller's availability as buyers see it.</summary>
public enum Presence
{
    Offline,
    Online,
    Busy,
}
