using System.Text.Json;

namespace Meterchat.Tron.Tests.Vectors;

/// <summary>
/// The shared public TRON vectors (../shared/tron/vectors.json beside the repository root, the
/// folder that holds Meterchat.slnx). Checked the same way as shared/tron/check_vectors.py.
/// </summary>
public static class VectorFile
{
    private static readonly Lazy<IReadOnlyDictionary<string, Vector>> All = new(Load);

    public static IReadOnlyDictionary<string, Vector> Vectors => All.Value;

    public static Vector Get(string id) => Vectors[id];

    public static TheoryData<string> OfKind(params string[] kinds)
    {
        var data = new TheoryData<string>();
        foreach (var vector in Vectors.Values.Where(v => kinds.Contains(v.Kind)))
        {
            data.Add(vector.Id);
        }

        if (data.Count == 0)
        {
            throw new InvalidOperationException($"vectors.json has no vector of kind {string.Join(" or ", kinds)}.");
        }

        return data;
    }

    public static string Path
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Meterchat.slnx")))
            {
                dir = dir.Parent;
            }

            if (dir is null)
            {
                throw new InvalidOperationException($"No folder holding Meterchat.slnx above {AppContext.BaseDirectory}; cannot find ../shared/tron/vectors.json.");
            }

            var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "tron", "vectors.json"));
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"The TRON test vectors are missing: expected {path} (shared/ beside the repository root, as CI lays it out).");
        }
    }

    private static Dictionary<string, Vector> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path));
        if (doc.RootElement.GetProperty("format").GetString() != "tron-vectors/1")
        {
            throw new InvalidOperationException("vectors.json is not in the tron-vectors/1 format.");
        }

        return doc.RootElement.GetProperty("vectors").EnumerateArray()
            .Select(v => new Vector(
                v.GetProperty("id").GetString()!,
                v.GetProperty("kind").GetString()!,
                v.GetProperty("inputs").Clone(),
                v.GetProperty("expected").Clone()))
            .ToDictionary(v => v.Id);
    }
}

public sealed record Vector(string Id, string Kind, JsonElement Inputs, JsonElement Expected)
{
    public string In(string name) => Inputs.GetProperty(name).GetString()!;

    public string Ex(string name) => Expected.GetProperty(name).GetString()!;

    public bool HasIn(string name) => Inputs.TryGetProperty(name, out _);

    public bool HasEx(string name) => Expected.TryGetProperty(name, out _);

    public long ExLong(string name) => Expected.GetProperty(name).GetInt64();

    public override string ToString() => Id;
}
