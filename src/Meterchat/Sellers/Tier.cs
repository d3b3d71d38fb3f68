using System.Text.Json.Serialization;

namespace Meterchat.Sellers;

/// <summary>A seller's reputation tier (PRODUCT.md §4): it caps the rate they may set.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Tier>))]
public enum Tier
{
    New,
    Established,
    Top,
}
