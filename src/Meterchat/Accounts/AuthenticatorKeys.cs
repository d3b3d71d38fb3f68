using Meterchat.Data;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary>
/// The first authenticator key, made when the person opens two-factor setup. Identity's ResetAuthenticatorKeyAsync also
/// renews the security stamp, which would end the very session (or bearer token) that is setting it up; a first key
/// replaces nothing, so it is stored without that.
/// </summary>
public static class AuthenticatorKeys
{
    public static async Task<string> EnsureAsync(UserManager<AppUser> users, IUserStore<AppUser> store, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            return key;
        }

        if (store is not IUserAuthenticatorKeyStore<AppUser> keys)
        {
            throw new NotSupportedException("The user store keeps no authenticator keys.");
        }

        key = users.GenerateNewAuthenticatorKey();
        await keys.SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
        var saved = await users.UpdateAsync(user);
        return saved.Succeeded ? key : throw new InvalidOperationException("Could not save the authenticator key.");
    }
}
