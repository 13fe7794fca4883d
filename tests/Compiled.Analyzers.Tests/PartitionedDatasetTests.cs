using Xunit;
using static Compiled.Analyzers.Tests.Infrastructure.Verify;

namespace Compiled.Analyzers.Tests;

/// <summary>CPL0010 for partitioned entries: the node's <c>Partitions&lt;T&gt;</c> must carry what the entry's <c>dataset</c> type carries.</summary>
public sealed class PartitionedDatasetTests
{
    private const string Source = """
        using Compiled;
        using Compiled.Datasets;

        namespace Demo;

        public sealed class Row
        {
            public int Id { get; set; }
        }

        public static class Nodes
        {
            [Node(Output = "count")]
            public static int Count(PARTITIONS {|#1:readings|}) => readings.Count;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """;

    [Fact]
    public Task Partitions_of_rows_read_from_csv_partitions_are_accepted() => AnalyzerAsync(
        Source.Replace("PARTITIONS", "Partitions<Row[]>").Replace("{|#1:readings|}", "readings"),
        [(Catalog, "readings:\n  type: partitions.PartitionedDataset\n  path: data/readings\n  dataset:\n    type: csv\n  filename_suffix: .csv\n")],
        []);

    [Fact]
    public Task Partitions_of_a_type_the_partition_files_do_not_carry_are_reported_on_the_entry_and_the_node() => AnalyzerAsync(
        Source.Replace("PARTITIONS", "Partitions<string>"),
        [(Catalog, "{|#0:readings|}:\n  type: incremental\n  path: data/readings\n  dataset: csv\n")],
        [Diagnostic("CPL0010").WithLocation(0).WithLocation(1)
            .WithArguments("readings", "incremental", "global::Compiled.Datasets.Partitions<string>", "Partitions<T>, T an array of rows (T[]) for partitions of type 'csv'")]);
}
