using Meterchat.Ethereum;
using Meterchat.Ledger;
using Meterchat.Tron.Encoding;
using Meterchat.Web;

namespace Meterchat.Withdrawals;

/// <summary>The request use case's address rules: which addresses a payout may go to on each network, and saving one.</summary>
public sealed partial class WithdrawalRequests
{
    /// <summary>An address book entry's network, by its form: Ethereum addresses start with 0x, TRON's with T.</summary>
    public static PayoutNetwork NetworkOf(string? text) =>
        text?.Trim().StartsWith("0x", StringComparison.OrdinalIgnoreCase) == true ? PayoutNetwork.Ethereum : PayoutNetwork.Tron;

    /// <summary>The smallest withdrawal on <paramref name="network"/>.</summary>
    public Micros MinimumOf(PayoutNetwork network) =>
        network == PayoutNetwork.Ethereum ? ethereumOptions.CurrentValue.PayoutMinimumMicros : O.MinimumMicros;

    /// <summary>The address as stored (base58, or EIP-55 0x…), or why a payout on <paramref name="network"/> may not go there.</summary>
    public async Task<(string? Address, Problem? Error)> CheckAddressAsync(string? text, PayoutNetwork network, CancellationToken ct)
    {
        if (network == PayoutNetwork.Ethereum)
        {
            var (checkedAddress, refused) = CheckEthereumAddress(text);
            if (refused is null)
            {
                var ethereumAddress = EthereumAddress.Parse(checkedAddress!);
                foreach (var source in platformAddresses)
                {
                    if (await source.OwnsAsync(ethereumAddress, ct))
                    {
                        return (null, PlatformAddressError());
                    }
                }
            }

            return (checkedAddress, refused);
        }

        var (address, error) = await CheckAddressAsync(text, ct);
        return (error is null ? address.ToBase58() : null, error);
    }

    /// <summary>The address's reason when it is not one a payout may go to, or null; also asks the features that hold addresses.</summary>
    public async Task<(TronAddress Address, Problem? Error)> CheckAddressAsync(string? text, CancellationToken ct)
    {
        var (address, error) = CheckAddress(text);
        if (error is null)
        {
            foreach (var source in platformAddresses)
            {
                if (await source.OwnsAsync(address, ct))
                {
                    return (default, PlatformAddressError());
                }
            }
        }

        return (address, error);
    }

    /// <summary>The address's reason when it is not one a payout may go to, or null (the checks that need no database).</summary>
    private (TronAddress Address, Problem? Error) CheckAddress(string? text)
    {
        if (!TronAddress.TryParse(text?.Trim(), out var address, out var reason))
        {
            return (default, WithdrawalProblems.Of(WithdrawalProblems.BadAddress, 400, "Invalid TRON address", $"This is not a TRON address: {reason}."));
        }

        if (address == chain.Value.Usdt)
        {
            return (default, WithdrawalProblems.Of(WithdrawalProblems.BadAddress, 400, "Invalid TRON address",
                "That is the USDT contract itself; tokens sent there are lost. Enter your own wallet's address."));
        }

        if (address == hotWallet.Address || O.PlatformAddresses.Any(p => TronAddress.TryParse(p, out var own, out _) && own == address))
        {
            return (default, PlatformAddressError());
        }

        return (address, null);
    }

    /// <summary>An EIP-55 address (mixed case must match its checksum); never a token contract nor the hot wallet.</summary>
    private (string? Address, Problem? Error) CheckEthereumAddress(string? text)
    {
        EthereumAddress address;
        try
        {
            address = EthereumAddress.Parse(text?.Trim() ?? "");
        }
        catch (FormatException e)
        {
            return (null, WithdrawalProblems.Of(WithdrawalProblems.BadAddress, 400, "Invalid Ethereum address", $"This is not an Ethereum address: {e.Message}"));
        }

        if (ethereumFees.IsTokenContract(address))
        {
            return (null, WithdrawalProblems.Of(WithdrawalProblems.BadAddress, 400, "Invalid Ethereum address",
                "That is a token contract itself; tokens sent there are lost. Enter your own wallet's address."));
        }

        if (ethereumFees.IsHotWallet(address) || O.PlatformAddresses.Any(p => EthereumAddress.TryParse(p, out var own) && own == address))
        {
            return (null, PlatformAddressError());
        }

        return (address.Checksummed, null);
    }

    private static Problem PlatformAddressError() => WithdrawalProblems.Of(WithdrawalProblems.PlatformAddress, 400, "Platform address",
        "That address belongs to Meterchat (it is a deposit or platform wallet). Enter your own wallet's address.");

    private async Task<PayoutAddress> SaveAddressAsync(string userId, string address, string? label, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var saved = new PayoutAddress
        {
            UserId = userId,
            Address = address,
            Label = string.IsNullOrWhiteSpace(label) ? null : label.Trim(),
            CreatedAt = now,
            UsableAt = now + O.AddressCooldown,
        };
        db.Add(saved);
        await db.SaveChangesAsync(ct);
        return saved;
    }
}
