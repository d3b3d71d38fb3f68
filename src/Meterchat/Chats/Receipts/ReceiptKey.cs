using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Meterchat.Chats.Receipts;

/// <summary>
/// The platform receipt key (ECDSA P-256). From <c>Receipts:SigningKey</c> or <c>Receipts:SigningKeyFile</c>; in
/// Development without either, generated once and kept in the data directory; in Testing, generated per process.
/// Production requires one (Hosting/ProductionConfiguration.cs). The private key leaves this class only as signatures.
/// </summary>
public sealed class ReceiptKey : IDisposable
{
    public const string Algorithm = "ES256";

    private readonly ECDsa _key;

    public ReceiptKey(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.KeySize != 256)
        {
            throw new ArgumentException("The receipt key must be ECDSA P-256.", nameof(key));
        }

        _key = key;
        Public = Describe(key);
    }

    public ReceiptPublicKey Public { get; }

    public string Sign(ReadOnlySpan<byte> data) =>
        Convert.ToBase64String(_key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    public void Dispose() => _key.Dispose();

    public override string ToString() => $"ReceiptKey({Public.KeyId})";

    /// <summary>Verifies a receipt signature with a published public key; false for any malformed input.</summary>
    public static bool Verify(ReceiptPublicKey key, ReadOnlySpan<byte> data, string signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(key.PublicKey), out _);
            return ecdsa.KeySize == 256
                && ecdsa.VerifyData(data, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Reads a private key as PEM (PKCS#8 or SEC1 "EC PRIVATE KEY") or base64 PKCS#8 DER.</summary>
    public static ReceiptKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ecdsa = ECDsa.Create();
        try
        {
            var trimmed = text.Trim();
            if (trimmed.StartsWith("-----", StringComparison.Ordinal))
            {
                ecdsa.ImportFromPem(trimmed);
            }
            else
            {
                ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(trimmed), out _);
            }

            return new ReceiptKey(ecdsa);
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    public static ReceiptKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>The private key as PKCS#8 PEM (for the development key file and tests).</summary>
    public string ExportPem() => _key.ExportPkcs8PrivateKeyPem();

    internal static ReceiptKey Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ReceiptOptions>>().Value;
        var environment = services.GetRequiredService<IHostEnvironment>();
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return Parse(options.SigningKey);
        }

        if (!string.IsNullOrWhiteSpace(options.SigningKeyFile))
        {
            return Parse(File.ReadAllText(options.SigningKeyFile));
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException("Receipts:SigningKey or Receipts:SigningKeyFile is required in Production.");
        }

        if (!environment.IsDevelopment())
        {
            return Generate();
        }

        var path = Path.Combine("data", "receipt-signing.key");
        if (File.Exists(path))
        {
            return Parse(File.ReadAllText(path));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = Generate();
        File.WriteAllText(path, key.ExportPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }

    private static ReceiptPublicKey Describe(ECDsa key)
    {
        var spki = key.ExportSubjectPublicKeyInfo();
        var keyId = Convert.ToHexStringLower(SHA256.HashData(spki))[..16];
        var p = key.ExportParameters(includePrivateParameters: false).Q;
        var jwk = new ReceiptJwk("EC", "P-256", Base64Url(p.X!), Base64Url(p.Y!), keyId);
        return new ReceiptPublicKey(keyId, Algorithm, Convert.ToBase64String(spki), jwk);
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
