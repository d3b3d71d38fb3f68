using Meterchat.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Meterchat.Accounts;

/// <summary>
/// Identity's user manager with lockout on the injected <see cref="TimeProvider"/>: the stock one reads
/// the wall clock, so a lockout could neither be tested with a fake clock nor agree with the rest of the app.
/// Every change of email or password (whichever page or endpoint does it) stamps <see cref="AppUser.CredentialsChangedAt"/>.
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    TimeProvider time)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private IUserLockoutStore<AppUser> LockoutStore =>
        Store as IUserLockoutStore<AppUser> ?? throw new NotSupportedException("The user store does not support lockout.");

    public override async Task<bool> IsLockedOutAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        if (!await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken))
        {
            return false;
        }

        var end = await LockoutStore.GetLockoutEndDateAsync(user, CancellationToken);
        return end >= time.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        var count = await LockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await LockoutStore.SetLockoutEndDateAsync(user, time.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await LockoutStore.ResetAccessFailedCountAsync(user, CancellationToken);
            Logger.LogInformation("User {UserId} locked out after {Count} failed attempts", user.Id, count);
        }

        return await UpdateUserAsync(user);
    }

    public override Task<IdentityResult> ChangePasswordAsync(AppUser user, string currentPassword, string newPassword) =>
        StampingAsync(user, () => base.ChangePasswordAsync(user, currentPassword, newPassword));

    public override Task<IdentityResult> ResetPasswordAsync(AppUser user, string token, string newPassword) =>
        StampingAsync(user, () => base.ResetPasswordAsync(user, token, newPassword));

    public override Task<IdentityResult> ChangeEmailAsync(AppUser user, string newEmail, string token) =>
        StampingAsync(user, () => base.ChangeEmailAsync(user, newEmail, token));

    private async Task<IdentityResult> StampingAsync(AppUser user, Func<Task<IdentityResult>> change)
    {
        ArgumentNullException.ThrowIfNull(user);
        var before = user.CredentialsChangedAt;
        user.CredentialsChangedAt = time.GetUtcNow();
        var result = await change();
        if (!result.Succeeded)
        {
            user.CredentialsChangedAt = before;
        }

        return result;
    }
}
