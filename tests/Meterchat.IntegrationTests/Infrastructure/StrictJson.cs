using System.Text;
using System.Text.Json;

namespace Meterchat.IntegrationTests.Infrastructure;

/// <summary>
/// JSON as a strict parser reads it: a property name repeated in one object is an error. System.Text.Json's
/// JsonDocument keeps both, and JavaScript's and Python's parsers silently keep the last, so a problem with two
/// <c>status</c> members reads as <c>status = "refused"</c> there.
/// </summary>
public static class StrictJson
{
    public static void AssertNoDuplicateKeys(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var objects = new Stack<HashSet<string>>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    objects.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.EndObject:
                    objects.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    Assert.True(objects.Peek().Add(name), $"The property \"{name}\" appears twice in one object: {json}");
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Checks a problem response: strict JSON, and its <c>status</c>, if any, is the HTTP status as a number.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertNoDuplicateKeys(text);
        using var json = JsonDocument.Parse(text);
        if (json.RootElement.TryGetProperty("status", out var status))
        {
            Assert.Equal(JsonValueKind.Number, status.ValueKind);
            Assert.Equal((int)response.StatusCode, status.GetInt32());
        }

        return json.RootElement.Clone();
    }
}
