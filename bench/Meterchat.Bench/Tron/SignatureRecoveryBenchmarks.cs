using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Meterchat.Tron.Crypto;
using Meterchat.Tron.Encoding;

namespace Meterchat.Bench.Tron;

/// <summary>What verifying a claimed deposit or a payout costs in secp256k1: recover the signer of a txID.</summary>
[MemoryDiagnoser]
public class SignatureRecoveryBenchmarks
{
    private const int Count = 64;
    private readonly byte[][] _txIds = new byte[Count][];
    private readonly byte[][] _signatures = new byte[Count][];
    private TronKey _key = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _key = TronKey.FromHex("2d8f68944bdbfbc0769542fba8fc2d2a3de67393334471624364c7006da2aa54");
        for (var i = 0; i < Count; i++)
        {
            _txIds[i] = SHA256.HashData(BitConverter.GetBytes(i));
            _signatures[i] = _key.Sign(_txIds[i]);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark(Description = "RecoverSigner (65-byte sig → address)")]
    public TronAddress Recover()
    {
        var i = _next++ & (Count - 1);
        return TronSignature.RecoverSigner(_txIds[i], _signatures[i]);
    }

    [Benchmark(Description = "Sign txID (RFC 6979, low-s)")]
    public byte[] Sign() => _key.Sign(_txIds[_next++ & (Count - 1)]);
}
