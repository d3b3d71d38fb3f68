namespace Meterchat.IntegrationTests.Chats;

/// <summary>A child app that fails to start says why (its standard error), not that the stream was not redirected.</summary>
public sealed class AppProcessTests
{
    [Fact]
    public async Task An_app_that_cannot_start_reports_its_own_error()
    {
        var environment = new Dictionary<string, string> { ["Database__Provider"] = "NoSuchDatabase" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync(Infrastructure.TestDatabase.Create(), environment));

        Assert.Contains("exited with code", error.Message, StringComparison.Ordinal);
        Assert.Contains("NoSuchDatabase", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("has not been redirected", error.Message, StringComparison.Ordinal);
    }
}
