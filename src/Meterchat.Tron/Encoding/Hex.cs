namespace Meterchat.Tron.Encoding;

/// <summary>Lower-case hex without a 0x prefix, the form TRON nodes and our vectors use.</summary>
public static class Hex
{
    public static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Parses hex (either case; an optional 0x prefix). Throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static byte[] Parse(string hex) =>
        TryParse(hex, out var bytes, out var error) ? bytes : throw new FormatException(error);

    public static bool TryParse(string? hex, out byte[] bytes, out string? error)
    {
        bytes = [];
        if (hex is null)
        {
            error = "hex is missing";
            return false;
        }

        var span = hex.AsSpan();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            span = span[2..];
        }

        if (span.Length % 2 != 0)
        {
            error = $"hex has an odd number of digits ({span.Length})";
            return false;
        }

        var result = new byte[span.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            var hi = Digit(span[2 * i]);
            var lo = Digit(span[(2 * i) + 1]);
            if (hi < 0 || lo < 0)
            {
                var at = hi < 0 ? 2 * i : (2 * i) + 1;
                error = $"'{span[at]}' at position {at} is not a hex digit";
                return false;
            }

            result[i] = (byte)((hi << 4) | lo);
        }

        bytes = result;
        error = null;
        return true;
    }

    /// <summary>Decodes exactly <c>destination.Length</c> bytes from <c>2 × destination.Length</c> hex digits, without allocating.</summary>
    public static bool TryDecode(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        if (hex.Length != 2 * destination.Length)
        {
            return false;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            var hi = Digit(hex[2 * i]);
            var lo = Digit(hex[(2 * i) + 1]);
            if ((hi | lo) < 0)
            {
                return false;
            }

            destination[i] = (byte)((hi << 4) | lo);
        }

        return true;
    }

    internal static bool IsHexDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (Digit(c) < 0)
            {
                return false;
            }
        }

        return true;
    }

    internal static int Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
