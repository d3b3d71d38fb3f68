namespace Meterchat.Sellers;

/// <summary>A use case's answer: a value, or the problem that refused it.</summary>
public readonly record struct Outcome<T>(T? Value, SellerProblem? Problem)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(SellerProblem problem) => new(default, problem);
}
