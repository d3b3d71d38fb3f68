using Microsoft.AspNetCore.Identity;

namespace Meterchat.Data;

/// <summary>
/// A person on the platform: buyer always, seller and admin by role. The identity row lives with the context because
/// <see cref="AppDbContext"/> is built on it (<c>IdentityDbContext&lt;AppUser&gt;</c>); Accounts owns what is done with it
/// and sits above Data, so the two do not reference each other both ways.
/// </summary>
public sealed class AppUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the person confirmed being 18 or older at sign-up.</summary>
    public DateTimeOffset AdultConfirmedAt { get; set; }

    /// <summary>Set by moderation; a banned user cannot sign in and loses the sessions they hold.</summary>
    public DateTimeOffset? BannedAt { get; set; }

    /// <summary>The last authenticator time step accepted, so a code is never accepted twice (RFC 6238 §5.2).</summary>
    public long? LastTotpStep { get; set; }

    /// <summary>When the email or password last changed: withdrawals wait a day after it (a thief's first move).</summary>
    public DateTimeOffset? CredentialsChangedAt { get; set; }
}
