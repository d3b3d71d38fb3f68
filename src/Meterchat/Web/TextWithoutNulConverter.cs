using System.Text.Json;
using System.Text.Json.Serialization;

namespace Meterchat.Web;

/// <summary>
/// Every JSON string the API reads: a NUL byte is refused while reading (400 <see cref="InputProblems.Malformed"/>),
/// so no feature can hand one to PostgreSQL, which cannot store it.
/// </summary>
public sealed class TextWithoutNulConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Checked(string? value) =>
        value is not null && value.Contains('\0', StringComparison.Ordinal) ? throw new JsonException("A text contains a NUL byte.") : value;
}
