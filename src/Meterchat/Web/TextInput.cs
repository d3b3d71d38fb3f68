namespace Meterchat.Web;

/// <summary>
/// The one check of text from outside before it is used or stored: no NUL byte or other control character
/// (PostgreSQL refuses NUL in text; the rest has no business in a name, an id or a label) and at most a length.
/// Line breaks and tabs are allowed where <c>multiline</c> says so (bios, reasons, notes).
/// </summary>
public static class TextInput
{
    /// <summary>Why <paramref name="value"/> is refused as <paramref name="what"/>, or null when it is fine (null is fine: callers decide).</summary>
    public static string? Problem(string? value, string what, int maxLength, bool multiline = false)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            return $"The {what} is too long: at most {maxLength} characters.";
        }

        return HasControl(value, multiline) ? $"The {what} contains a control character." : null;
    }

    /// <summary>True when the text holds a NUL byte, or another control character unless <paramref name="multiline"/> allows line breaks and tabs.</summary>
    public static bool HasControl(string value, bool multiline = true)
    {
        foreach (var c in value)
        {
            if (c == '\0' || (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
            {
                return true;
            }
        }

        return false;
    }
}
