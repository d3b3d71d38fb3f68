using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary>A person on the platform: buyer always, seller and admin by role.</summary>
public sealed class AppUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the person confirmed being 18 or older at sign-up.</summary>
    public DateTimeOffset AdultConfirmedAt { get; set; }

    /// <summary>Set by moderation; a banned user cannot sign in and loses the sessions they hold.</summary>
    public DateTimeOffset? BannedAt { get; set; }
}
