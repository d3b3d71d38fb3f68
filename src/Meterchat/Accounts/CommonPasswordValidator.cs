using System.Collections.Frozen;
using Meterchat.Data;
using Microsoft.AspNetCore.Identity;

namespace Meterchat.Accounts;

/// <summary>
/// Refuses the passwords a guesser tries first (NIST SP 800-63B 5.1.1.2): the 10,000 of the shipped list
/// (scripts/make-common-passwords.py), compared without case, and the account's own email.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string Code = "CommonPassword";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var candidate = password?.Trim() ?? "";
        var common = Common.Value.Contains(candidate)
            || (user.Email is { Length: > 0 } email && (candidate.Equals(email, StringComparison.OrdinalIgnoreCase)
                || candidate.Equals(email.Split('@')[0], StringComparison.OrdinalIgnoreCase)));
        return Task.FromResult(common
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = "This password is too common (or it is your email): choose one nobody would guess." })
            : IdentityResult.Success);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Meterchat.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>(10_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
