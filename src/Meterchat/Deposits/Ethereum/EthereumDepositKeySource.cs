using Meterchat.Ethereum;
using Microsoft.Extensions.Options;

namespace Meterchat.Deposits.Ethereum;

/// <summary>
/// The Ethereum deposit keys: <c>Ethereum:AccountXpub</c>, or outside Production the account m/44'/60'/0' of the
/// development deposit mnemonic TRON's addresses come from (<see cref="DepositKeySource"/>), so one dev mnemonic holds
/// both chains' deposits. Null (Ethereum deposits off) in Production without an xpub.
/// </summary>
public sealed class EthereumDepositKeySource
{
    private readonly Lazy<EthereumDepositKeys?> _keys;

    public EthereumDepositKeySource(IOptions<EthereumOptions> options, IConfiguration configuration, IHostEnvironment environment, IServiceProvider services)
    {
        _keys = new Lazy<EthereumDepositKeys?>(() =>
        {
            if (!string.IsNullOrWhiteSpace(options.Value.AccountXpub))
            {
                return EthereumDepositKeys.FromAccountXpub(options.Value.AccountXpub);
            }

            if (environment.IsProduction())
            {
                return null;
            }

            _ = services.GetRequiredService<Meterchat.Tron.Crypto.DepositKeys>(); // creates the dev mnemonic on the first start
            var path = DepositKeySource.DevKeyPath(configuration);
            return File.Exists(path) ? EthereumDepositKeys.FromAccountXpub(EthereumDepositKeys.AccountXpubFromMnemonic(File.ReadAllText(path).Trim())) : null;
        });
    }

    public EthereumDepositKeys? Keys => _keys.Value;
}
