using System.Net;
using System.Net.Http.Json;
using System.Text;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.IntegrationTests.Sellers;
using Meterchat.IntegrationTests.Withdrawals;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;
using Meterchat.Web;
using Microsoft.AspNetCore.Hosting;

namespace Meterchat.IntegrationTests.Web;

/// <summary>The bad inputs issue 13 found as 500s (some on PostgreSQL only), each a 400/404 problem that changes nothing.</summary>
public sealed class BadInputTests(WithdrawalsApp app) : IClassFixture<WithdrawalsApp>
{
    [Fact]
    public async Task Malformed_json_is_a_400_problem_in_development_too()
    {
        // No local Ethereum node: this test is about the JSON error page, not about ganache.
        using var development = app.WithWebHostBuilder(b => b.UseEnvironment("Development").UseSetting("Ethereum:DevNode:Enabled", "false"));
        using var client = development.CreateClient();

        var response = await client.PostAsync("/api/auth/login", new StringContent("{\"email\":", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(InputProblems.Malformed, await response.ProblemTypeAsync());
    }

    [Theory]
    [InlineData("/api/auth/login", "{\"email\":null,\"password\":null}")]
    [InlineData("/api/auth/forgotPassword", "{\"email\":null}")]
    [InlineData("/api/auth/resetPassword", "{\"email\":null,\"resetCode\":\"x\",\"newPassword\":\"y\"}")]
    [InlineData("/api/auth/resendConfirmationEmail", "{\"email\":null}")]
    public async Task A_null_email_or_password_on_identity_endpoints_is_a_400_problem(string path, string body)
    {
        using var client = app.CreateClient();

        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(InputProblems.Malformed, await response.ProblemTypeAsync());
    }

    [Fact]
    public async Task A_block_needs_the_id_of_someone_who_exists()
    {
        var seller = await app.NewPersonAsync("seller");
        var buyer = await app.NewPersonAsync("buyer");

        foreach (var body in new object[] { new { }, new { buyerId = (string?)null }, new { buyerId = "no-such-user" }, new { buyerId = new string('b', 65) } })
        {
            var response = await seller.Client.PostAsJsonAsync("/api/seller/blocks", body);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{body} -> {response.StatusCode}");
            Assert.NotNull(await response.ProblemTypeAsync());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await seller.Client.PostAsJsonAsync("/api/seller/blocks", new { buyerId = buyer.Id })).StatusCode);
    }

    [Fact]
    public async Task A_nul_byte_in_any_text_is_refused_before_it_reaches_the_database()
    {
        var person = await app.NewPersonAsync("reporter");
        var other = await app.NewPersonAsync("subject");

        var report = await person.Client.PostAsJsonAsync("/api/reports", new { subjectId = other.Id, reason = "spam\0" });
        Assert.Equal(HttpStatusCode.BadRequest, report.StatusCode);
        Assert.Equal(InputProblems.Malformed, await report.ProblemTypeAsync());

        var profile = await person.Client.PutAsJsonAsync("/api/seller/profile", new { displayName = "Ann\0", bio = "", rateTokensPerMinute = 10, autoAccept = false, tags = Array.Empty<string>(), languages = new[] { "en" } });
        Assert.Equal(HttpStatusCode.BadRequest, profile.StatusCode);

        var query = await person.Client.GetAsync("/api/sellers?tag=a%00b");
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        Assert.Equal(InputProblems.InvalidText, await query.ProblemTypeAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await person.Client.GetAsync("/api/seller/profile")).StatusCode); // nothing saved
    }

    [Fact]
    public async Task A_payout_label_over_80_characters_is_refused_and_not_stored()
    {
        var seller = await app.CreateSellerAsync();
        var address = TronAddress.FromPublicKey(TronKey.Generate().PublicKey).ToBase58();
        Assert.Equal(HttpStatusCode.OK, (await seller.Http.PostAsJsonAsync("/api/withdrawals/addresses", new { address, label = "short", password = AccountsApi.Password })).StatusCode);

        foreach (var label in new[] { new string('l', 81), new string('l', 1_000_000) })
        {
            var response = await seller.Http.PostAsJsonAsync("/api/withdrawals/addresses", new { address, label });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("withdrawal/bad-label", await response.ProblemTypeAsync());
        }

        var book = await seller.Http.GetFromJsonAsync<List<AddressRow>>("/api/withdrawals/addresses");
        Assert.Equal("short", Assert.Single(book!).Label);
    }

    [Fact]
    public async Task An_unknown_unit_is_refused_instead_of_read_as_usdt()
    {
        var seller = await app.CreateSellerAsync();
        var to = await app.UsableAddressAsync(seller);

        var quote = await seller.Http.GetAsync("/api/withdrawals/quote?amount=10&unit=trx");
        Assert.Equal(HttpStatusCode.BadRequest, quote.StatusCode);
        Assert.Equal("withdrawal/unknown-unit", await quote.ProblemTypeAsync());

        var request = await WithdrawalsApp.RequestAsync(seller, "10", to, unit: "trx");
        Assert.Equal(HttpStatusCode.BadRequest, request.StatusCode);
        Assert.Equal("withdrawal/unknown-unit", await request.ProblemTypeAsync());
        Assert.Equal(HttpStatusCode.Created, (await WithdrawalsApp.RequestAsync(seller, "10", to, unit: "USDT")).StatusCode);
    }

    private sealed record AddressRow(long Id, string Address, string? Label);
}
