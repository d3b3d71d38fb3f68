using System.Net;
using Meterchat.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Meterchat.Hosting;

namespace Meterchat.IntegrationTests.Accounts;

public sealed class MailSettingsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public void Production_without_an_smtp_host_refuses_to_start()
    {
        using var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var error = Assert.Throws<ProductionConfigurationException>(() => production.CreateClient());

        Assert.Contains("Mail:SmtpHost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_refuses_the_outbox()
    {
        using var production = factory.WithWebHostBuilder(b => b.UseCompleteProduction(s => s["Mail:Delivery"] = "Outbox"));

        var error = Assert.Throws<ProductionConfigurationException>(() => production.CreateClient());

        Assert.Contains("Development and Testing only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_smtp_shows_no_outbox()
    {
        using var production = factory.WithWebHostBuilder(b => b.UseCompleteProduction(s => s["Mail:SmtpHost"] = "smtp.example.test"));
        using var client = production.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/outbox")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/api/dev/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Register")).StatusCode);
    }
}
