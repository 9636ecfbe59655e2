using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

namespace IvrController.Benchmarks.CallerId;

/// <summary>
/// The 99th percentile column BenchmarkDotNet 0.15.8 lacks (its <see cref="StatisticColumn"/> stops at P95
/// before P100). Like every BenchmarkDotNet statistic it is taken over the iterations' means per
/// operation, not over single operations: with 15 iterations it is close to the slowest iteration.
/// The per-decision tail is what <c>--caller-id-latency</c> measures.
/// </summary>
internal sealed class P99Column : IColumn
{
    public static readonly IColumn Instance = new P99Column();

    private P99Column()
    {
    }

    public string Id => nameof(P99Column);

    public string ColumnName => "P99";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => StatisticColumn.P95.PriorityInCategory;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => "Percentile 99 of the iteration means (per operation, not per single operation)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (summary[benchmarkCase]?.ResultStatistics is not { } statistics)
        {
            return "NA";
        }

        double nanoseconds = statistics.Percentiles.Percentile(99);
        TimeUnit unit = style.TimeUnit ?? TimeUnit.GetBestTimeUnit(nanoseconds);
        CultureInfo culture = style.CultureInfo ?? CultureInfo.InvariantCulture;
        // As BenchmarkDotNet prints its own time columns: one decimal for nanoseconds, three for larger units.
        string format = unit == TimeUnit.Nanosecond ? "N1" : "N3";
        string value = TimeUnit.Convert(nanoseconds, TimeUnit.Nanosecond, unit).ToString(format, culture);
        return style.PrintUnitsInContent ? $"{value} {unit.Abbreviation}" : value;
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;
}
