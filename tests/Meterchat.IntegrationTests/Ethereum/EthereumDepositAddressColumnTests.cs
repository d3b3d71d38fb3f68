using System.Net.Http.Json;
using Meterchat.Data;
using Meterchat.Deposits;
using Meterchat.Deposits.Ethereum;
using Meterchat.Ethereum;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NBitcoin;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>
/// The Ethereum address stored on each deposit address row (m/44'/60'/0'/0/i of the row's index): written when a row is
/// made, derived once and stored for rows made before the column, derived again when the account xpub changed, and what
/// the address map loads. No node needed: the map only needs the key.
/// </summary>
public sealed class EthereumDepositAddressColumnTests : IDisposable
{
    private readonly EthereumDepositKeys _keys = NewKeys();
    private readonly AppFactory _app = new();

    public EthereumDepositAddressColumnTests()
    {
        _app.Settings["Ethereum:RpcUrl"] = "http://127.0.0.1:1";
        _app.Settings["Ethereum:ChainId"] = "1337";
        _app.Settings["Ethereum:AccountXpub"] = _keys.AccountXpub;
        _app.Settings["Ethereum:Tokens:0:Symbol"] = "USDT";
        _app.Settings["Ethereum:Tokens:0:Contract"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_new_users_deposit_address_row_holds_their_eip55_ethereum_address()
    {
        var (_, token) = await _app.CreateVerifiedUserAsync("buyer");
        var client = _app.CreateClient(token);
        var index = (await client.GetFromJsonAsync<DepositAddressResponse>("/api/deposits/address"))!.Index;
        var shown = (await client.GetFromJsonAsync<EthereumDepositInfo>("/api/deposits/ethereum"))!.Address;

        var stored = (await RowsAsync()).Single(r => r.Index == index).EthereumAddress;

        Assert.Equal(_keys.AddressAt((uint)index).Checksummed, stored);
        Assert.Equal(shown, stored);
        Assert.Matches("^0x[0-9a-fA-F]{40}$", stored);
        Assert.Equal(EthereumAddress.Parse(stored!).Checksummed, stored); // EIP-55, not lower case
    }

    [Fact]
    public async Task Rows_made_before_the_column_get_their_own_address_in_the_map_and_stored()
    {
        await AddRowsAsync(Enumerable.Range(0, 3).Select(i => (i, (string?)null)));

        var map = await LoadedMapAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.True(map.TryGetUser(_keys.AddressAt((uint)i), out var user));
            Assert.Equal($"user-{i}", user);
        }

        Assert.Equal(3, map.Count);
        Assert.All(await RowsAsync(), r => Assert.Equal(_keys.AddressAt((uint)r.Index).Checksummed, r.EthereumAddress));

        // A row added later (by another node, say) without the address is found on the next refresh too.
        await AddRowsAsync([(3, null)]);
        await RefreshAsync(map);
        Assert.True(map.TryGetUser(_keys.AddressAt(3), out var later));
        Assert.Equal("user-3", later);
        Assert.Equal(_keys.AddressAt(3).Checksummed, (await RowsAsync()).Single(r => r.Index == 3).EthereumAddress);
    }

    [Fact]
    public async Task Stored_addresses_are_loaded_as_stored_and_those_of_another_xpub_are_derived_again()
    {
        var other = NewKeys();
        await AddRowsAsync([(0, other.AddressAt(0).Checksummed), (1, other.AddressAt(1).Checksummed), (2, null)]);

        var map = await LoadedMapAsync();

        for (var i = 0u; i < 3; i++)
        {
            Assert.True(map.Contains(_keys.AddressAt(i)));
            Assert.False(map.Contains(other.AddressAt(i)));
        }

        Assert.All(await RowsAsync(), r => Assert.Equal(_keys.AddressAt((uint)r.Index).Checksummed, r.EthereumAddress));
    }

    private static EthereumDepositKeys NewKeys() =>
        EthereumDepositKeys.FromAccountXpub(EthereumDepositKeys.AccountXpubFromMnemonic(new Mnemonic(Wordlist.English, WordCount.Twelve).ToString()));

    private async Task AddRowsAsync(IEnumerable<(int Index, string? EthereumAddress)> rows)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var (index, ethereum) in rows)
        {
            db.Add(new DepositAddress { UserId = $"user-{index}", Index = index, Address = $"T{index:D33}", EthereumAddress = ethereum, CreatedAt = _app.Time.GetUtcNow() });
        }

        await db.SaveChangesAsync();
    }

    private async Task<List<DepositAddress>> RowsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<DepositAddress>().AsNoTracking().OrderBy(a => a.Index).ToListAsync();
    }

    private async Task<EthereumDepositAddressMap> LoadedMapAsync()
    {
        var map = _app.Services.GetRequiredService<EthereumDepositAddressMap>();
        await RefreshAsync(map);
        return map;
    }

    private async Task RefreshAsync(EthereumDepositAddressMap map)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await map.RefreshAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
    }
}
