using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Meterchat.Reserves;

namespace Meterchat.Bench.Reserves;

/// <summary>
/// <c>reserves [users...]</c>: builds the proof-of-reserves tree for N users (salts, leaf hashes, sort, levels) and
/// reports wall time, bytes allocated, the tree's retained size, one proof's JSON size and its verification time.
/// The database side (reading balances, storing leaves) is not included: it is the ledger's and EF's cost.
/// </summary>
internal static class SnapshotTreeLoad
{
    public static int Run(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [100_000, 1_000_000];
        Console.WriteLine("| Users | Salts + leaves | Tree build | Allocated by build | Retained (tree + leaves) | Depth | Proof JSON | Verify one proof |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var n in sizes)
        {
            Measure(n);
        }

        return 0;
    }

    private static void Measure(int n)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(true);
        var random = new Random(18);
        var secret = LeafSalt.NewSecret();
        var clock = Stopwatch.StartNew();
        var leaves = new LiabilityLeaf[n];
        for (var i = 0; i < n; i++)
        {
            var id = Guid.NewGuid().ToString();
            leaves[i] = new LiabilityLeaf(id, LeafSalt.For(secret, id), random.NextInt64(0, 10_000_000_000));
        }

        var salting = clock.Elapsed;
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        clock.Restart();
        var tree = MerkleSumTree.Build(leaves);
        var build = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        var retained = GC.GetTotalMemory(true) - baseline;

        var proof = tree.ProveAt(n / 2);
        var json = JsonSerializer.SerializeToUtf8Bytes(proof, JsonSerializerOptions.Web);
        clock.Restart();
        const int Rounds = 1_000;
        for (var i = 0; i < Rounds; i++)
        {
            InclusionProofVerifier.Verify(proof, tree.RootHex, tree.Total);
        }

        var verify = clock.Elapsed / Rounds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {n:N0} | {salting.TotalSeconds:0.00} s | {build.TotalSeconds:0.00} s | {allocated / 1048576.0:0} MB | {retained / 1048576.0:0} MB | {tree.Depth} | {json.Length:N0} B | {verify.TotalMicroseconds:0} µs |"));
        GC.KeepAlive(tree);
        GC.KeepAlive(leaves);
    }
}
