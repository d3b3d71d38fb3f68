using Meterchat.Chain;
using Meterchat.DevChain;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Microsoft.Extensions.Options;

namespace Meterchat.Withdrawals;

/// <summary>
/// The key payouts are signed with. From <c>Withdrawals:HotWalletKey</c> or <c>Withdrawals:HotWalletKeyFile</c>;
/// outside Production without either, generated once and kept in the data directory. The key never leaves
/// this class except as signatures: <see cref="ToString"/> shows the address only.
/// </summary>
public sealed class HotWallet : IDisposable
{
    private readonly TronKey _key;

    internal HotWallet(TronKey key, bool generated)
    {
        _key = key;
        Generated = generated;
    }

    public TronAddress Address => _key.Address;

    /// <summary>True when the key was created on this start (dev): the dev chain faucet funds it.</summary>
    public bool Generated { get; }

    internal byte[] Sign(ReadOnlySpan<byte> txId) => _key.Sign(txId);

    internal TronKey Key => _key;

    public void Dispose() => _key.Dispose();

    public override string ToString() => $"HotWallet({Address})";

    internal static HotWallet Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<WithdrawalsOptions>>().Value;
        var environment = services.GetRequiredService<IHostEnvironment>();
        if (!string.IsNullOrWhiteSpace(options.HotWalletKey))
        {
            return new HotWallet(TronKey.FromHex(options.HotWalletKey.Trim()), generated: false);
        }

        if (!string.IsNullOrWhiteSpace(options.HotWalletKeyFile))
        {
            return new HotWallet(TronKey.FromHex(File.ReadAllText(options.HotWalletKeyFile).Trim()), generated: false);
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException("Withdrawals:HotWalletKey or Withdrawals:HotWalletKeyFile is required in Production.");
        }

        var chain = services.GetRequiredService<IOptions<ChainOptions>>().Value;
        var statePath = chain.Mode == ChainMode.DevChain ? services.GetService<DevChainNode>()?.Options.StatePath : null;
        var path = statePath is null ? Path.Combine("data", "hotwallet.key") : statePath + ".hotwallet.key";
        if (File.Exists(path))
        {
            return new HotWallet(TronKey.FromHex(File.ReadAllText(path).Trim()), generated: false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = TronKey.Generate();
        File.WriteAllText(path, key.ExportHex());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return new HotWallet(key, generated: true);
    }
}
