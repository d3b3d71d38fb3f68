namespace Meterchat.Admin.Dashboard;

/// <summary>One series of a bar chart: its name (legend), its CSS class (colour) and one value per label.</summary>
public sealed record ChartSeries(string Name, string CssClass, IReadOnlyList<long> Values);
