namespace Meterchat.Admin.Dashboard;

/// <summary>
/// A bar chart drawn on the server as inline SVG (<c>Pages/Shared/_BarChart.cshtml</c>): a title and description for
/// screen readers, and the same numbers as a table. Geometry is integer arithmetic; <see cref="Format"/> shows a value.
/// </summary>
public sealed record BarChart(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<string> Labels,
    IReadOnlyList<ChartSeries> Series,
    Func<long, string> Format,
    int LabelEvery = 1)
{
    public const int Width = 720;
    public const int Height = 220;
    public const int Left = 64;
    public const int Top = 12;
    public const int Bottom = 28;
    public const int PlotWidth = Width - Left - 8;
    public const int PlotHeight = Height - Top - Bottom;

    public long Max => Math.Max(1, Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());

    /// <summary>Pixel height of a value (negative values draw nothing; the table shows them).</summary>
    public int BarHeight(long value) => value <= 0 ? 0 : (int)Math.Max(1, value * PlotHeight / Max);

    public int GroupWidth => PlotWidth / Math.Max(1, Labels.Count);

    public int BarWidth => Math.Max(1, (GroupWidth - 2) / Math.Max(1, Series.Count));
}
