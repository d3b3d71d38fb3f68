using System.Net.Http.Json;
using Meterchat.DevChain;
using Meterchat.Deposits;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Tron.Node;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meterchat.IntegrationTests.Deposits;

public sealed class DepositWatcherTests
{
    [Fact]
    public async Task Watcher_survives_the_node_being_down_and_resumes_from_its_cursor()
    {
        await using var owner = new AppFactory();
        FlakyNode? flaky = null;
        await using var app = owner.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<ITronNode>(sp =>
            {
                var chain = sp.GetRequiredService<DevChainNode>();
                return flaky = new FlakyNode(() => new TronNodeClient(
                    new HttpClient(chain.CreateHttpHandler()) { BaseAddress = new Uri("http://devchain.test/") }, Options.Create(new TronNodeOptions())));
            })));
        var d = new DepositsDriver(app, owner);
        var user = await d.NewUserAsync();
        d.Chain.Faucet(user.Address, FaucetToken.Usdt, 4_000_000);
        d.UntilFinal();

        flaky!.Down = true;
        await Assert.ThrowsAsync<TronNodeException>(() => d.Watcher.ProcessAvailableBlocksAsync());
        Assert.Equal(0, await DepositsDriver.WalletAsync(user));

        flaky.Down = false;
        var scanned = await d.Watcher.ProcessAvailableBlocksAsync();

        Assert.True(scanned > 0);
        Assert.Equal(4_000_000, await DepositsDriver.WalletAsync(user));
        Assert.Equal(0, await d.Watcher.ProcessAvailableBlocksAsync()); // the cursor holds: nothing scanned twice
    }

    [Fact]
    public async Task Proof_of_reserves_counts_usdt_waiting_on_unswept_deposit_addresses()
    {
        await using var app = new AppFactory();
        var d = new DepositsDriver(app, app);
        var user = await d.NewUserAsync();
        var before = (await d.AuditAsync()).Figures.OnChainReserves;

        d.Chain.Faucet(user.Address, FaucetToken.Usdt, 7_250_000);
        d.UntilFinal();
        await d.Watcher.ProcessAvailableBlocksAsync();
        var after = await d.AuditAsync();

        Assert.NotNull(before);
        Assert.Equal(before.Value.Value + 7_250_000, after.Figures.OnChainReserves!.Value.Value);
        Assert.True(after.Passed, string.Join("; ", after.Checks.Where(c => !c.Passed).Select(c => c.Detail)));
    }

    [Fact]
    public async Task Top_up_page_shows_the_full_address_qr_minimum_and_rate()
    {
        await using var app = new AppFactory();
        var d = new DepositsDriver(app, app);
        var user = await d.NewUserAsync();

        var html = await user.Client.GetStringAsync("/topup");

        Assert.Contains(user.Address.ToBase58(), html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("minimum 3.00 USDT", html, StringComparison.Ordinal);
        Assert.Contains("1 USDT = 100 tokens", html, StringComparison.Ordinal);
        Assert.Contains("Send test USDT", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Address_comes_from_the_configured_xpub_at_the_users_index()
    {
        const string xpub = "xpub6ChVWbXxgtp7PfXntivshZfwQophZWmVQwKJz1wY2MSKn5nm71wvUAj3vGCPHHWTLCreiQzcxgWGJqhAvwNpNUB992qY7a6CpZBnkYvVmyb";
        await using var owner = new AppFactory();
        await using var app = owner.WithWebHostBuilder(b => b.UseSetting("Deposits:AccountXpub", xpub));
        var d = new DepositsDriver(app, owner);

        var user = await d.NewUserAsync();
        var index = (await user.Client.GetFromJsonAsync<DepositAddressResponse>("/api/deposits/address"))!.Index;

        Assert.Equal(Meterchat.Tron.Crypto.DepositKeys.DeriveAddress(xpub, (uint)index), user.Address);
    }

    [Theory]
    [InlineData("Production", "", "required in Production")]
    [InlineData("Testing", "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi", "never holds deposit private keys")]
    public async Task App_refuses_to_start_without_an_xpub_in_production_or_with_a_private_key(string environment, string xpub, string reason)
    {
        await using var owner = new AppFactory();
        await using var app = owner.WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("Deposits:AccountXpub", xpub);
            b.UseSetting("Mail:SmtpHost", "smtp.example.test");
            b.UseSetting("Mail:From", "noreply@example.test");
            b.UseSetting("Mail:PublicBaseUrl", "https://meterchat.example.test");
        });

        var e = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains(reason, e.ToString(), StringComparison.Ordinal);
    }
}
