using System.Globalization;

namespace Meterchat.Ledger;

/// <summary>
/// An amount of money in micro-USDT (1 USDT = 1,000,000; 1 token = 10,000), the base unit of USDT-TRC20.
/// Only the operations that mean something exist: sum, difference, negation, comparison, scaling by a count.
/// Arithmetic is checked: an overflow throws instead of wrapping.
/// </summary>
public readonly record struct Micros(long Value) : IComparable<Micros>
{
    public const long PerUsdt = 1_000_000;
    public const long PerToken = 10_000;

    public static readonly Micros Zero = new(0);

    private static readonly long[] Pow10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    public bool IsNegative => Value < 0;

    public bool IsPositive => Value > 0;

    public static Micros FromUsdt(long usdt) => new(checked(usdt * PerUsdt));

    public static Micros FromTokens(long tokens) => new(checked(tokens * PerToken));

    public static Micros operator +(Micros a, Micros b) => new(checked(a.Value + b.Value));

    public static Micros operator -(Micros a, Micros b) => new(checked(a.Value - b.Value));

    public static Micros operator -(Micros a) => new(checked(-a.Value));

    public static Micros operator *(Micros a, long count) => new(checked(a.Value * count));

    public static bool operator <(Micros a, Micros b) => a.Value < b.Value;

    public static bool operator >(Micros a, Micros b) => a.Value > b.Value;

    public static bool operator <=(Micros a, Micros b) => a.Value <= b.Value;

    public static bool operator >=(Micros a, Micros b) => a.Value >= b.Value;

    public static Micros Min(Micros a, Micros b) => a <= b ? a : b;

    /// <summary>a + b without throwing: false when the sum does not fit 64 bits.</summary>
    public static bool TryAdd(Micros a, Micros b, out Micros sum)
    {
        var value = unchecked(a.Value + b.Value);
        sum = new Micros(value);
        return ((a.Value ^ value) & (b.Value ^ value)) >= 0;
    }

    public int CompareTo(Micros other) => Value.CompareTo(other.Value);

    /// <summary>Parses a USDT amount such as "10", "10.5" or "0.000001" (at most 6 decimals, never negative).</summary>
    public static Micros ParseUsdt(string text) =>
        TryParseUsdt(text, out var amount, out var error) ? amount : throw new FormatException(error);

    public static bool TryParseUsdt(string? text, out Micros amount, out string? error) =>
        TryParseScaled(text, 6, PerUsdt, "USDT", out amount, out error);

    /// <summary>Parses a token amount such as "25" or "12.5" (at most 2 decimals, never negative).</summary>
    public static Micros ParseTokens(string text) =>
        TryParseTokens(text, out var amount, out var error) ? amount : throw new FormatException(error);

    public static bool TryParseTokens(string? text, out Micros amount, out string? error) =>
        TryParseScaled(text, 2, PerToken, "tokens", out amount, out error);

    /// <summary>USDT with two to six decimals: "4.50", "0.000001".</summary>
    public string ToUsdtString()
    {
        var s = FormatScaled(PerUsdt, 6).TrimEnd('0');
        var decimals = s.Length - s.IndexOf('.', StringComparison.Ordinal) - 1;
        return decimals < 2 ? s + new string('0', 2 - decimals) : s;
    }

    /// <summary>Tokens with at most two decimals, rounded toward zero: "450", "12.5".</summary>
    public string ToTokensString()
    {
        var cents = Value / (PerToken / 100);
        var s = new Micros(cents).FormatScaled(100, 2).TrimEnd('0').TrimEnd('.');
        return s;
    }

    public override string ToString() => ToUsdtString() + " USDT";

    private string FormatScaled(long scale, int decimals)
    {
        var whole = Value / scale;
        var fraction = Math.Abs(Value % scale);
        var sign = Value < 0 && whole == 0 ? "-" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{whole}.{fraction.ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0')}");
    }

    private static bool TryParseScaled(string? text, int maxDecimals, long scale, string unit, out Micros amount, out string? error)
    {
        amount = Zero;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = $"An amount of {unit} is required.";
            return false;
        }

        if (text[0] == '-')
        {
            error = $"'{text}' is negative: an amount of {unit} is zero or more.";
            return false;
        }

        var body = text;
        var dot = body.IndexOf('.', StringComparison.Ordinal);
        var wholePart = dot < 0 ? body : body[..dot];
        var fractionPart = dot < 0 ? string.Empty : body[(dot + 1)..];
        if (wholePart.Length == 0 || !wholePart.All(char.IsAsciiDigit) || !fractionPart.All(char.IsAsciiDigit) || (dot >= 0 && fractionPart.Length == 0))
        {
            error = $"'{text}' is not an amount of {unit}: use digits with an optional decimal point, like 12.5.";
            return false;
        }

        if (fractionPart.Length > maxDecimals)
        {
            error = $"'{text}' has more than {maxDecimals} decimals; {unit} go to {maxDecimals} decimals at most.";
            return false;
        }

        try
        {
            var whole = long.Parse(wholePart, NumberStyles.None, CultureInfo.InvariantCulture);
            var fraction = fractionPart.Length == 0 ? 0 : long.Parse(fractionPart.PadRight(maxDecimals, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
            var fractionScale = scale / Pow10[maxDecimals];
            var value = checked((whole * scale) + (fraction * fractionScale));
            amount = new Micros(value);
            error = null;
            return true;
        }
        catch (Exception e) when (e is OverflowException)
        {
            error = $"'{text}' is too large an amount of {unit}.";
            return false;
        }
    }
}
