using System.CommandLine;
using Meterchat.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

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

            var builder = Cli.OperatorHost.CreateBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddData();
            builder.Services.AddSingleton(TimeProvider.System);

            // The account store alone: the web parts of AddAccounts (links, mail, auth schemes) need a web host.
            builder.Services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section);
            builder.Services.AddOptions<IdentityOptions>().Configure<IOptions<AccountsOptions>>((identity, accounts) => AccountsFeature.Apply(identity, accounts.Value));
            builder.Services.AddIdentityCore<AppUser>()
                .AddRoles<IdentityRole>()
                .AddEntityFrameworkStores<AppDbContext>()
                .AddUserManager<AppUserManager>()
                .AddPasswordValidator<CommonPasswordValidator>();
            using var host = builder.Build();
            await host.MigrateDatabaseAsync();
            await using var scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await RoleSetup.EnsureAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());

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
