using System.Net;
using System.Net.Http.Json;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Meterchat.Pages;
using Microsoft.AspNetCore.Mvc;

namespace Meterchat.IntegrationTests.Ethereum;

/// <summary>Top up's EIP-681 QR code image: an SVG for a good request, a problem for a bad one.</summary>
public sealed class TopupEthereumQrTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_token_deposit_request_is_an_svg_qr_code()
    {
        var client = app.CreateClient((await app.CreateVerifiedUserAsync()).AccessToken);
        var response = await client.GetAsync("/topup?handler=EthereumQr&address=0x9858effd232b4033e47d90003d41ec34ecaeda94&chainId=1337&token=0x5FbDB2315678afecb367f032d93F642f64180aa3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", (await response.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("address=0x1234&chainId=1")]
    [InlineData("address=0x9858effd232b4033e47d90003d41ec34ecaeda94&chainId=0")]
    [InlineData("address=0x9858effd232b4033e47d90003d41ec34ecaeda94&chainId=1&token=USDC")]
    public async Task A_bad_request_is_a_problem(string query)
    {
        var client = app.CreateClient((await app.CreateVerifiedUserAsync()).AccessToken);
        var response = await client.GetAsync($"/topup?handler=EthereumQr&{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(TopupModel.BadQrType, (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Type);
    }
}
