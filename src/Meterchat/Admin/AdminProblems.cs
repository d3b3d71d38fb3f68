namespace Meterchat.Admin;

/// <summary>Stable problem types of the admin console's endpoints (RFC 7807 <c>type</c>).</summary>
public static class AdminProblems
{
    /// <summary>One or more values were refused; <c>errors</c> lists them by key. Nothing was changed.</summary>
    public const string InvalidSettings = "admin/invalid-settings";

    /// <summary>Another change of the same settings was saved at the same moment (a double-click, two admins). Nothing was changed.</summary>
    public const string SettingsConflict = "admin/settings-conflict";
}
