using Meterchat.Accounts;
using Meterchat.Chain;
using Meterchat.Data;
using Meterchat.Ethereum;
using Meterchat.Ledger;
using Meterchat.Tron.Encoding;
using Meterchat.Web;
using Meterchat.Withdrawals.Ethereum;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Withdrawals;

/// <summary>
/// What a seller asks for: an amount (USDT or tokens), an address, a label for a new address, the 2FA code, the
/// password when the address is new (saving a payout address needs a step-up), and the network ("tron", the default,
/// or "ethereum") and asset ("USDT", the default, or "USDC" on Ethereum).
/// </summary>
public sealed record WithdrawalRequest(
    string Amount, string Address, string? Unit = null, string? Label = null, string? TwoFactorCode = null, string? Password = null,
    string? Network = null, string? Asset = null);

/// <summary>The request use case: every check, then earnings → held in one ledger transfer. A refusal holds nothing.</summary>
public sealed partial class WithdrawalRequests(
    AppDbContext db,
    ILedger ledger,
    UserManager<AppUser> users,
    TimeProvider time,
    IOptionsMonitor<WithdrawalsOptions> options,
    IOptions<ChainOptions> chain,
    HotWallet hotWallet,
    IEnumerable<IWithdrawalRiskCheck> riskChecks,
    IEnumerable<IPlatformAddresses> platformAddresses,
    WithdrawalGate gate,
    StepUp stepUp,
    SecurityNotices notices,
    EthereumPayoutFees ethereumFees,
    IOptionsMonitor<EthereumPayoutOptions> ethereumOptions)
{
    public const int MaxLabel = 80;

    private WithdrawalsOptions O => options.CurrentValue;

    public async Task<(Withdrawal? Withdrawal, Problem? Error)> RequestAsync(string userId, WithdrawalRequest request, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.BannedAt is not null)
        {
            return Fail(WithdrawalProblems.Frozen, 403, "Withdrawals frozen", "Withdrawals from this account are frozen.");
        }

        if ((CheckUnit(request.Unit, out var tokens) ?? CheckLabel(request.Label)) is { } input)
        {
            return (null, input);
        }

        var (route, badRoute) = PayoutRoute.Parse(request.Network, request.Asset);
        badRoute ??= route!.Network == PayoutNetwork.Ethereum ? ethereumFees.TokenOf(route.Asset).Error : null;
        if (badRoute is not null)
        {
            return (null, badRoute);
        }

        if (WithdrawalPolicy.CheckCredentials(user.CredentialsChangedAt, time.GetUtcNow()) is { } onHold)
        {
            return (null, onHold);
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrWhiteSpace(request.TwoFactorCode))
            {
                return Fail(WithdrawalProblems.TwoFactorRequired, 400, "Two-factor code required", "Enter the 6-digit code from your authenticator app.");
            }

            // Wrong codes count toward the account's sign-in lockout, so six digits cannot be guessed here either.
            if (await users.IsLockedOutAsync(user))
            {
                return Fail(WithdrawalProblems.TwoFactorLocked, 429, "Too many wrong codes", "Too many wrong codes: the account is locked for a while. Try again later.");
            }

            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, StepUp.Clean(request.TwoFactorCode)))
            {
                await users.AccessFailedAsync(user);
                return Fail(WithdrawalProblems.TwoFactorInvalid, 400, "Wrong two-factor code", "That code is not valid. Enter the current code from your authenticator app.");
            }

            await users.ResetAccessFailedCountAsync(user);
        }

        var parsed = tokens ? Micros.TryParseTokens(request.Amount, out var amount, out var amountError) : Micros.TryParseUsdt(request.Amount, out amount, out amountError);
        if (!parsed || !amount.IsPositive)
        {
            return Fail(WithdrawalProblems.BadAmount, 400, "Invalid amount", amountError ?? "The amount must be positive.");
        }

        // Asked before a new address is saved; Check asks it again with the other rules.
        var minimum = MinimumOf(route!.Network);
        if (WithdrawalPolicy.CheckAmount(minimum, amount) is { } belowMinimum)
        {
            return (null, belowMinimum);
        }

        var (base58, addressError) = await CheckAddressAsync(request.Address, route.Network, ct);
        if (addressError is not null)
        {
            return (null, addressError);
        }

        var networkFee = O.NetworkFeeMicros;
        if (route.Network == PayoutNetwork.Ethereum)
        {
            (networkFee, var noFee) = await ethereumFees.NetworkFeeAsync(route.Asset, EthereumAddress.Parse(base58!), ct);
            if (noFee is not null)
            {
                return (null, noFee);
            }
        }

        var now = time.GetUtcNow();
        var saved = await db.Set<PayoutAddress>().SingleOrDefaultAsync(a => a.UserId == userId && a.Address == base58, ct);
        if (saved is null)
        {
            if (await stepUp.CheckAsync(user, request.Password, request.TwoFactorCode, codeAlreadyChecked: true) is { } refused)
            {
                return Fail(refused.Type, refused.Status, refused.Title, "A new payout address needs your password: " + refused.Detail);
            }

            saved = await SaveAddressAsync(userId, base58!, request.Label, ct);
            await notices.PayoutAddressAddedAsync(user, base58!);
        }

        using var _ = await gate.EnterAsync(userId, ct);
        var since = now.AddDays(-1);
        var lastDay = await db.Set<Withdrawal>()
            .Where(w => w.UserId == userId && w.CreatedAt > since && w.Status != WithdrawalStatus.Rejected && w.Status != WithdrawalStatus.Failed && w.Status != WithdrawalStatus.Cancelled)
            .Select(w => w.Amount).ToListAsync(ct);
        var (terms, refusal) = WithdrawalPolicy.Check(O, new WithdrawalFacts(amount, base58!, saved.UsableAt, new Micros(lastDay.Sum()), time.GetUtcNow()), minimum, networkFee);
        if (terms is null)
        {
            return (null, refusal);
        }

        var flags = new List<string>();
        foreach (var check in riskChecks)
        {
            flags.AddRange(await check.FlagsAsync(userId, amount.Value, base58!, ct));
        }

        var withdrawal = new Withdrawal
        {
            UserId = userId,
            Amount = terms.Amount.Value,
            PlatformFee = terms.PlatformFee.Value,
            NetworkFee = terms.NetworkFee.Value,
            Net = terms.Net.Value,
            ToAddress = base58!,
            Network = route.Network,
            Asset = route.Asset,
            ReviewReason = WithdrawalPolicy.ReviewReason(O, amount, flags),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(withdrawal);
        await db.SaveChangesAsync(ct);

        var hold = await ledger.TransferAsync(PayoutTransfers.Hold(withdrawal), ct);
        if (!hold.Succeeded)
        {
            db.Remove(withdrawal);
            await db.SaveChangesAsync(ct);
            return Fail(WithdrawalProblems.InsufficientEarnings, 409, "Not enough earnings",
                $"You asked for {amount.ToUsdtString()} USDT; your withdrawable earnings are {(await ledger.GetBalanceAsync(AccountRef.Earnings(userId), ct)).ToUsdtString()} USDT. Purchased tokens cannot be withdrawn.");
        }

        withdrawal.Held(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return (withdrawal, null);
    }

    /// <summary>The amount's unit: USDT (the default) or tokens; anything else is refused rather than read as USDT.</summary>
    public static Problem? CheckUnit(string? unit, out bool tokens)
    {
        tokens = string.Equals(unit, "tokens", StringComparison.OrdinalIgnoreCase);
        return tokens || unit is null || string.Equals(unit, "usdt", StringComparison.OrdinalIgnoreCase)
            ? null
            : WithdrawalProblems.Of(WithdrawalProblems.UnknownUnit, 400, "Unknown unit", "The unit is \"usdt\" (the default) or \"tokens\".");
    }

    /// <summary>A payout address's label: at most <see cref="MaxLabel"/> characters of one line.</summary>
    public static Problem? CheckLabel(string? label) =>
        TextInput.Problem(label?.Trim(), "label", MaxLabel) is { } why ? WithdrawalProblems.Of(WithdrawalProblems.BadLabel, 400, "Invalid label", why) : null;

    /// <summary>Saves a payout address; a new one needs a step-up (password, and a code with two-factor on) and is mailed to the owner.</summary>
    public async Task<(PayoutAddress? Address, Problem? Error)> AddAddressAsync(
        string userId, string text, string? label, string? password, string? twoFactorCode, CancellationToken ct)
    {
        if (CheckLabel(label) is { } badLabel)
        {
            return (null, badLabel);
        }

        var (base58, error) = await CheckAddressAsync(text, NetworkOf(text), ct);
        if (error is not null)
        {
            return (null, error);
        }

        var existing = await db.Set<PayoutAddress>().SingleOrDefaultAsync(a => a.UserId == userId && a.Address == base58, ct);
        if (existing is not null)
        {
            existing.Label = string.IsNullOrWhiteSpace(label) ? existing.Label : label.Trim();
            await db.SaveChangesAsync(ct);
            return (existing, null);
        }

        if (await users.FindByIdAsync(userId) is not { BannedAt: null } user)
        {
            return (null, WithdrawalProblems.Of(WithdrawalProblems.Frozen, 403, "Withdrawals frozen", "Withdrawals from this account are frozen."));
        }

        if (await stepUp.CheckAsync(user, password, twoFactorCode) is { } refused)
        {
            return (null, refused);
        }

        var saved = await SaveAddressAsync(userId, base58!, label, ct);
        await notices.PayoutAddressAddedAsync(user, base58!);
        return (saved, null);
    }

    private static (Withdrawal?, Problem?) Fail(string type, int status, string title, string detail) =>
        (null, WithdrawalProblems.Of(type, status, title, detail));
}
