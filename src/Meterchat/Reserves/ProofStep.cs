namespace Meterchat.Reserves;

/// <summary>One level of a proof: the sibling's hash (hex) and sum (µUSDT), and on which side of the path it sits ("left" or "right").</summary>
public sealed record ProofStep(string Side, string Hash, long Sum)
{
    public const string Left = "left";
    public const string Right = "right";
}
