using System.ComponentModel.DataAnnotations;

namespace Meterchat.Admin;

/// <summary><c>Admin:*</c>: how the console behaves.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>
    /// How often each node re-reads the operator's settings from the database, so several nodes converge on a
    /// change made through another one (the node that made it applies it at once).
    /// </summary>
    [Range(1, 3600)]
    public int SettingsPollSeconds { get; set; } = 10;
}
