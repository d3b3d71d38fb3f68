using System.Net.Http.Json;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;

namespace Meterchat.IntegrationTests.Web;

/// <summary>Two requests changing the same row at once: one wins, the other is a 409 problem, never a 500.</summary>
public sealed class ConcurrentChangeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Concurrent_two_factor_changes_never_answer_500()
    {
        var (_, token) = await app.CreateVerifiedUserAsync("twofactor");
        var clients = Enumerable.Range(0, 8).Select(_ => app.CreateClient(token)).ToList();

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync("/api/auth/manage/2fa", new { resetSharedKey = true, resetRecoveryCodes = true })));

        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"{r.StatusCode}: {r.Content.ReadAsStringAsync().Result}"));
        Assert.All(responses.Where(r => !r.IsSuccessStatusCode), r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        clients.ForEach(c => c.Dispose());
    }
}
