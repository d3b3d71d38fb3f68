using System.Text;
using System.Text.Json.Nodes;

namespace Meterchat.IntegrationTests.Web;

/// <summary>
/// The bad inputs an attacker sends to every route of the OpenAPI document: malformed JSON, wrong types, nulls,
/// overlong strings, NUL bytes and huge numbers in the body, the query and the path.
/// </summary>
public static class BadInputProbes
{
    public sealed record Route(string Method, string Path, JsonObject Operation);

    public sealed record Probe(string Name, HttpMethod Method, string Url, HttpContent? Content);

    private static readonly string Overlong = new('a', 100_000);

    public static IEnumerable<Route> Routes(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is JsonObject op && method is "get" or "post" or "put" or "delete" or "patch")
                {
                    yield return new Route(method.ToUpperInvariant(), path, op);
                }
            }
        }
    }

    public static IEnumerable<Probe> For(Route route, JsonNode document)
    {
        var method = new HttpMethod(route.Method);
        var parameters = (route.Operation["parameters"]?.AsArray() ?? []).OfType<JsonObject>().ToList();
        var pathParams = parameters.Where(p => (string?)p["in"] == "path").ToList();
        var queryParams = parameters.Where(p => (string?)p["in"] == "query").ToList();
        var plainPath = Fill(route.Path, pathParams, null);

        // Path values: an overlong string wherever the route takes a string (a NUL byte in the path never gets
        // this far: Kestrel and the test server refuse it).
        if (pathParams.Any(p => TypeOf(p["schema"], document) == "string" && (string?)p["schema"]?["format"] != "uuid"))
        {
            yield return new Probe("path overlong", method, Fill(route.Path, pathParams, new string('a', 5_000)), JsonBody(route, document, "{}"));
        }

        foreach (var q in queryParams)
        {
            var name = (string)q["name"]!;
            foreach (var (label, value) in new[] { ("wrong type", "not-a-number"), ("NUL", "a%00b"), ("overlong", new string('a', 5_000)), ("huge", "99999999999999999999999") })
            {
                yield return new Probe($"query {name} {label}", method, $"{plainPath}?{name}={value}", null);
            }
        }

        var body = route.Operation["requestBody"]?["content"]?.AsObject();
        if (body is null)
        {
            yield return new Probe("no body", method, plainPath, null);
            yield break;
        }

        if (body.ContainsKey("multipart/form-data"))
        {
            yield return new Probe("multipart without file", method, plainPath, new MultipartFormDataContent { { new StringContent("x"), "other" } });
            yield return new Probe("malformed multipart", method, plainPath, new StringContent("--nope\r\n", Encoding.UTF8, "multipart/form-data"));
            yield return new Probe("json instead of multipart", method, plainPath, new StringContent("{}", Encoding.UTF8, "application/json"));
        }

        if (!body.ContainsKey("application/json"))
        {
            yield break;
        }

        var schema = Resolve(body["application/json"]!["schema"], document);
        foreach (var raw in new[] { "{", "null", "[1]", "\"text\"", "12", "{}", "{\"a\":" })
        {
            yield return new Probe($"body {raw}", method, plainPath, new StringContent(raw, Encoding.UTF8, "application/json"));
        }

        var properties = schema?["properties"]?.AsObject();
        if (properties is null)
        {
            yield return new Probe("body NUL string", method, plainPath, new StringContent("\"a\\u0000b\"", Encoding.UTF8, "application/json"));
            yield break;
        }

        foreach (var variant in new[] { "null", "wrong type", "overlong", "NUL", "huge", "long max", "long min", "negative" })
        {
            var json = new JsonObject();
            foreach (var (name, propertySchema) in properties)
            {
                json[name] = Value(TypeOf(propertySchema, document), variant, ItemType(propertySchema, document));
            }

            yield return new Probe($"body all {variant}", method, plainPath, new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json"));
        }

        // One field at a time wrong, the rest plausible: reaches the code behind the first check.
        foreach (var (name, _) in properties)
        {
            foreach (var variant in new[] { "null", "wrong type", "overlong", "NUL", "huge", "long max" })
            {
                var json = new JsonObject();
                foreach (var (other, propertySchema) in properties)
                {
                    json[other] = Value(TypeOf(propertySchema, document), other == name ? variant : "plausible", ItemType(propertySchema, document));
                }

                yield return new Probe($"body {name} {variant}", method, plainPath, new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json"));
            }
        }
    }

    private static StringContent? JsonBody(Route route, JsonNode document, string raw) =>
        route.Operation["requestBody"] is null ? null : new StringContent(raw, Encoding.UTF8, "application/json");

    private static string Fill(string path, List<JsonObject> pathParams, string? stringValue)
    {
        foreach (var p in pathParams)
        {
            var isGuid = (string?)p["schema"]?["format"] == "uuid";
            var value = isGuid ? Guid.NewGuid().ToString() : stringValue ?? "someone";
            path = path.Replace("{" + (string)p["name"]! + "}", value, StringComparison.Ordinal);
        }

        return path;
    }

    private static JsonNode? Value(string? type, string variant, string? itemType) => (type, variant) switch
    {
        (_, "null") => null,
        ("string", "plausible") => "a",
        ("string", "wrong type") => 12345,
        ("string", "overlong") => Overlong,
        ("string", "NUL") => "a\0b",
        ("string", _) => "a",
        ("integer" or "number", "plausible") => 1,
        ("integer" or "number", "wrong type") => "not-a-number",
        ("integer" or "number", "huge") => JsonNode.Parse("99999999999999999999999"),
        ("integer" or "number", "long max") => long.MaxValue,
        ("integer" or "number", "long min") => long.MinValue,
        ("integer" or "number", "negative") => -1,
        ("integer" or "number", _) => 1,
        ("boolean", "wrong type") => "yes",
        ("boolean", _) => true,
        ("array", "wrong type") => "x",
        ("array", "plausible") => new JsonArray(),
        ("array", _) => new JsonArray(Value(itemType, variant, null)),
        ("object", "wrong type") => new JsonArray(1),
        _ => new JsonObject(),
    };

    private static JsonNode? Resolve(JsonNode? schema, JsonNode document)
    {
        while (schema?["$ref"] is JsonValue r)
        {
            var name = ((string)r!).Split('/')[^1];
            schema = document["components"]!["schemas"]![name];
        }

        return schema;
    }

    private static string? ItemType(JsonNode? schema, JsonNode document) => TypeOf(Resolve(schema, document)?["items"], document);

    private static string? TypeOf(JsonNode? schema, JsonNode document)
    {
        schema = Resolve(schema, document);
        if ((schema?["oneOf"] ?? schema?["anyOf"]) is JsonArray options)
        {
            return options.Select(o => TypeOf(o, document)).FirstOrDefault(t => t is not null and not "null");
        }

        return schema?["type"] switch
        {
            JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t is not "null"),
            JsonValue type => (string?)type,
            _ => schema?["properties"] is not null ? "object" : null,
        };
    }
}
