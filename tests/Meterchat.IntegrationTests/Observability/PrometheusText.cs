using System.Globalization;
using System.Text.RegularExpressions;

namespace Meterchat.IntegrationTests.Observability;

/// <summary>The Prometheus text exposition format, read as a scraper reads it: one sample per line, name, labels, value.</summary>
internal sealed partial class PrometheusText
{
    private readonly List<Sample> _samples = [];

    public IReadOnlyList<Sample> Samples => _samples;

    public static PrometheusText Parse(string text)
    {
        var parsed = new PrometheusText();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"Not a Prometheus sample line: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups[1].Value, m => Regex.Unescape(m.Groups[2].Value), StringComparer.Ordinal);
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                var v => double.Parse(v, CultureInfo.InvariantCulture),
            };
            parsed._samples.Add(new Sample(match.Groups["name"].Value, labels, value));
        }

        return parsed;
    }

    /// <summary>The one sample of <paramref name="name"/> whose labels include <paramref name="labels"/> ("k=v").</summary>
    public double Value(string name, params string[] labels)
    {
        var matching = Find(name, labels).ToList();
        Assert.True(matching.Count == 1, $"Expected one sample {name}{{{string.Join(',', labels)}}}, found {matching.Count}: {string.Join("; ", _samples.Where(s => s.Name == name).Select(s => s.ToString()))}");
        return matching[0].Value;
    }

    /// <summary>The sum over every sample of <paramref name="name"/> with these labels (0 when none).</summary>
    public double Sum(string name, params string[] labels) => Find(name, labels).Sum(s => s.Value);

    public bool Has(string name) => _samples.Any(s => s.Name == name);

    private IEnumerable<Sample> Find(string name, string[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l[..l.IndexOf('=')], out var v) && v == l[(l.IndexOf('=') + 1)..]));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
    {
        public override string ToString() => $"{Name}{{{string.Join(',', Labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}} {Value}";
    }
}
