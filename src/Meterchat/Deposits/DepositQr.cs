using QRCoder;

namespace Meterchat.Deposits;

/// <summary>The deposit address as an inline SVG QR code (plain address text, as TRON wallets scan it).</summary>
public static class DepositQr
{
    public static string Svg(string address)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(6, "#161a26", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
