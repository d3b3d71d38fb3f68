using System.Security.Cryptography;
using Meterchat.Data;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary>Creates an admin with a random password, returned once and stored only as Identity's hash.</summary>
public static class AdminAccount
{
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static async Task<string> CreateAsync(UserManager<AppUser> users, string email, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(time);
        var password = RandomNumberGenerator.GetString(PasswordAlphabet, 24);
        var now = time.GetUtcNow();
        var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = now, AdultConfirmedAt = now };
        Check(await users.CreateAsync(admin, password), $"create the admin {email} (is the address taken?)");
        Check(await users.AddToRolesAsync(admin, [Roles.Buyer, Roles.Admin]), "give the admin its roles");
        return password;
    }

    public static string Banner(string email, string password) =>
        $"""

        ================ METERCHAT ADMIN ACCOUNT: SHOWN ONCE ================
          email:    {email}
          password: {password}
          Sign in at /Account/Login and keep it safe: it is never shown again.
        ===================================================================
        """;

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
