using System.Text.Json.Serialization;

namespace Meterchat.Trust.Disputes;

/// <summary>The admin's decision; stored as its number, so never renumber.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DisputeOutcome>))]
public enum DisputeOutcome
{
    FullRefund = 0,
    PartialRefund = 1,
    Reject = 2,
}
