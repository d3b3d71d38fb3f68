namespace Meterchat.Ledger;

/// <summary>Names a ledger account: a user's wallet, earnings or held balance, or a system account.</summary>
public readonly record struct AccountRef
{
    private AccountRef(AccountKind kind, string? userId, string code)
    {
        Kind = kind;
        UserId = userId;
        Code = code;
    }

    public AccountKind Kind { get; }

    public string? UserId { get; }

    /// <summary>The account's unique, stable name, e.g. <c>user:42:wallet</c> or <c>platform:revenue</c>.</summary>
    public string Code { get; }

    public bool IsUser => Kind != AccountKind.System;

    public static AccountRef PlatformRevenue { get; } = System("platform:revenue");

    public static AccountRef PlatformFees { get; } = System("platform:fees");

    public static AccountRef PlatformLosses { get; } = System("platform:losses");

    public static AccountRef ChainDeposits { get; } = System("chain:deposits");

    public static AccountRef ChainWithdrawals { get; } = System("chain:withdrawals");

    public static IReadOnlyList<AccountRef> SystemAccounts { get; } =
        [PlatformRevenue, PlatformFees, PlatformLosses, ChainDeposits, ChainWithdrawals];

    public static AccountRef Wallet(string userId) => User(AccountKind.Wallet, userId);

    public static AccountRef Earnings(string userId) => User(AccountKind.Earnings, userId);

    public static AccountRef Held(string userId) => User(AccountKind.Held, userId);

    public override string ToString() => Code;

    private static AccountRef System(string code) => new(AccountKind.System, null, code);

    private static AccountRef User(AccountKind kind, string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return new AccountRef(kind, userId, $"user:{userId}:{kind.ToString().ToLowerInvariant()}");
    }
}
