using QRCoder;

namespace Meterchat.Accounts;

/// <summary>The otpauth:// link an authenticator app scans, drawn as an inline SVG QR code.</summary>
public static class AuthenticatorQr
{
    public const string Issuer = "Meterchat";

    public static string Uri(string email, string sharedKey) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}?secret={sharedKey}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    public static string Svg(string email, string sharedKey)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Uri(email, sharedKey), QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(6, "#161a26", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
