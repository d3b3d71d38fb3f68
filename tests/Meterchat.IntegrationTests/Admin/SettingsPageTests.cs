using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Meterchat.IntegrationTests.Admin;

public sealed partial class SettingsPageTests
{
    [Fact]
    public async Task The_form_saves_only_changed_values_and_shows_refusals_without_saving()
    {
        await using var app = new AppFactory();
        var token = await app.NewAdminTokenAsync();
        var admin = app.CreateClient(token);
        using var form = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        form.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var saved = await PostAsync(form, "reduce for launch", ("Meter:CommissionBasisPoints", "2200"), ("Sellers:RingSeconds", "30"));
        var refused = await PostAsync(form, "typo", ("Meter:CommissionBasisPoints", "22oo"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/admin/settings", saved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Nothing was changed.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var view = await admin.SettingsAsync();
        Assert.Equal("2200", view.Settings.Single(s => s.Key == "Meter:CommissionBasisPoints").Current);
        var change = Assert.Single(view.History);
        Assert.Equal(("2500", "2200", "reduce for launch"), (change.From, change.To, change.Reason));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient admin, string reason, params (string Key, string Value)[] values)
    {
        var form = await admin.GetStringAsync(new Uri("/admin/settings", UriKind.Relative));
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Antiforgery().Match(form).Groups[1].Value), new("reason", reason) };
        foreach (var (key, value) in values)
        {
            fields.Add(new("key", key));
            fields.Add(new("value", value));
        }

        return await admin.PostAsync(new Uri("/admin/settings", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex Antiforgery();
}
