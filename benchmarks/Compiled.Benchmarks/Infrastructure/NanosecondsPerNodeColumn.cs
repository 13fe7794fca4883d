using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Compiled.Benchmarks.Infrastructure;

/// <summary>The mean divided by the benchmark's <c>Nodes</c> parameter: the cost of a run per node.</summary>
public sealed class NanosecondsPerNodeColumn : IColumn
{
    /// <inheritdoc />
    public string Id => nameof(NanosecondsPerNodeColumn);

    /// <inheritdoc />
    public string ColumnName => "ns/node";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => "Mean time per run divided by the number of nodes";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var nodes = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Nodes")?.Value;
        var report = summary[benchmarkCase];
        if (nodes is not int count || report?.ResultStatistics is not { } statistics) return "-";
        return (statistics.Mean / count).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
