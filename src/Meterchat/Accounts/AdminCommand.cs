using System.CommandLine;
using Meterchat.Data;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary><c>admin create --email X</c>: creates an admin and prints its password on the terminal, once (never logged).</summary>
internal static class AdminCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The new admin's email address", Required = true };
        var create = new Command("create", "Create an admin account; its password is printed here once.") { email };
        create.SetAction(async (parse, ct) =>
        {
            var address = parse.GetValue(email)!.Trim();
            if (!EmailChange.IsValidAddress(address))
            {
                await Console.Error.WriteLineAsync($"'{address}' is not an email address.");
                return 2;
            }

            var builder = WebApplication.CreateBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddData();
            builder.AddAccounts();
            builder.Services.AddSingleton(TimeProvider.System);
            await using var app = builder.Build();
            await app.MigrateDatabaseAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All.Where(r => !roles.RoleExistsAsync(r).GetAwaiter().GetResult()))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }

            if (await users.FindByEmailAsync(address) is not null)
            {
                await Console.Error.WriteLineAsync($"An account with {address} exists already.");
                return 1;
            }

            Console.WriteLine(AdminAccount.Banner(address, await AdminAccount.CreateAsync(users, address, TimeProvider.System)));
            return 0;
        });
        return new Command("admin", "Admin accounts") { create };
    }
}
