namespace Meterchat.Tests.Architecture;

/// <summary>
/// No hand-written file over 300 lines: a longer one holds more than one job and is split along them
/// (docs/architecture.md). Generated migrations and third-party files are not ours to split.
/// </summary>
public sealed class FileSizeTests
{
    private const int MaxLines = 300;
    private static readonly string[] Kinds = [".cs", ".cshtml", ".js", ".css", ".sh", ".sol"];
    private static readonly string[] SkippedFolders = ["Migrations", "bin", "obj", "node_modules", ".git"];

    [Fact]
    public void No_hand_written_file_in_src_tests_bench_or_scripts_is_over_300_lines()
    {
        var root = RepoRoot();

        var tooLong = new[] { "src", "tests", "bench", "scripts" }
            .SelectMany(folder => HandWritten(Path.Combine(root, folder)))
            .Select(file => (Name: Path.GetRelativePath(root, file).Replace('\\', '/'), Lines: File.ReadLines(file).Count()))
            .Where(file => file.Lines > MaxLines)
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .Select(file => $"{file.Name} ({file.Lines} lines)")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Split these files along their jobs (at most {MaxLines} lines each):\n" + string.Join('\n', tooLong));
    }

    private static IEnumerable<string> HandWritten(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (Kinds.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                yield return file;
            }
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(child);
            var thirdParty = name == "lib" && Path.GetFileName(folder) == "wwwroot";
            if (!thirdParty && !SkippedFolders.Contains(name, StringComparer.Ordinal))
            {
                foreach (var file in HandWritten(child))
                {
                    yield return file;
                }
            }
        }
    }

    /// <summary>The folder holding Meterchat.slnx, looked for upward from the test's output folder.</summary>
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Meterchat.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Meterchat.slnx above {AppContext.BaseDirectory}.");
    }
}
