using System.Globalization;
using System.Numerics;
using Meterchat.Data;
using Meterchat.Deposits;
using Meterchat.Deposits.Ethereum;
using Meterchat.Ethereum;
using Meterchat.IntegrationTests.Withdrawals;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Signer;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>
/// The app pointed at ganache with this run's tokens, a fresh funded Ethereum hot wallet, the chain's deposit
/// mnemonic and a fixed ETH price of 3,000 USDT. Deposits are fixtures: a credited <see cref="EthereumDeposit"/> row
/// plus the real token transfer into the derived address.
/// </summary>
internal static class EthereumSweepApp
{
    public const long MicrosPerEther = 3_000_000_000;

    public static WithdrawalsApp Create(GanacheChain chain, EthECKey hotWallet)
    {
        var app = new WithdrawalsApp();
        app.Settings["Ethereum:RpcUrl"] = chain.Options.RpcUrl;
        app.Settings["Ethereum:ChainId"] = "1337";
        app.Settings["Ethereum:Confirmations"] = "0";
        app.Settings["Ethereum:Tokens:0:Symbol"] = "USDT";
        app.Settings["Ethereum:Tokens:0:Contract"] = chain.Usdt.Lower;
        app.Settings["Ethereum:Tokens:1:Symbol"] = "USDC";
        app.Settings["Ethereum:Tokens:1:Contract"] = chain.Usdc.Lower;
        app.Settings["Ethereum:HotWalletKey"] = hotWallet.GetPrivateKey();
        app.Settings["Ethereum:DepositMnemonic"] = chain.DepositMnemonic;
        app.Settings["Ethereum:Price:FixedMicrosPerEther"] = MicrosPerEther.ToString(CultureInfo.InvariantCulture);
        return app;
    }

    /// <summary>A user's deposit index <paramref name="index"/>, a credited deposit of <paramref name="units"/> there, and the real transfer.</summary>
    public static async Task<EthereumAddress> DepositAsync(WithdrawalsApp app, GanacheChain chain, int index, string asset, BigInteger units)
    {
        var seller = await app.CreateSellerAsync("0");
        var address = chain.DepositKeys.AddressAt((uint)index);
        var token = asset == "USDT" ? chain.Usdt : chain.Usdc;
        var receipt = await chain.SendAsync(chain.Funder, token, 0, EthereumNode.TokenTransferData(address, units));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(new DepositAddress { UserId = seller.UserId, Index = index, Address = $"T{index:D33}", CreatedAt = app.Time.GetUtcNow() });
        db.Add(new EthereumDeposit
        {
            TxHash = receipt.TransactionHash, LogIndex = 0, UserId = seller.UserId, Address = address.Lower, Asset = asset, Contract = token.Lower,
            Units = units.ToString(CultureInfo.InvariantCulture), BlockNumber = (long)receipt.BlockNumber.Value, Final = true,
            ObservedAt = app.Time.GetUtcNow(), Amount = (long)units, CreditedAt = app.Time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return address;
    }
}
