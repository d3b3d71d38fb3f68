using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary>Creates the product's roles that do not exist yet; shared by the start-up seeder and <c>admin create</c>.</summary>
internal static class RoleSetup
{
    public static async Task EnsureAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (await roles.RoleExistsAsync(role))
            {
                continue;
            }

            var created = await roles.CreateAsync(new IdentityRole(role));
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not create role {role}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }
        }
    }
}
