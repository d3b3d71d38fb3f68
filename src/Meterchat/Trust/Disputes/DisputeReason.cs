using System.Text.Json.Serialization;

namespace Meterchat.Trust.Disputes;

/// <summary>Why a party disputes a session; stored as its number, so never renumber.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DisputeReason>))]
public enum DisputeReason
{
    NotAsDescribed = 0,
    TechnicalProblem = 1,
    BilledWrongly = 2,
    Abuse = 3,
    Other = 4,
}
