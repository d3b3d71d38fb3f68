namespace Meterchat.Tron.Node;

/// <summary>
/// The answer of <c>/wallet/triggerconstantcontract</c>: a read-only call evaluated by the node.
/// When <see cref="Success"/> is false, <see cref="Code"/> and <see cref="Message"/> (hex-decoded) say why.
/// </summary>
public sealed record ConstantCallResult(bool Success, IReadOnlyList<string> ConstantResult, long EnergyUsed, string? Code, string? Message);
