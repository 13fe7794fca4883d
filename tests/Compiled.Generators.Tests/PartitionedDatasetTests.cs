using Compiled.Generators.Model;
using Compiled.Generators.Tests.Infrastructure;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// <c>type: partitioned</c> and <c>incremental</c> (and Kedro's <c>partitions.PartitionedDataset</c> and
/// <c>partitions.IncrementalDataset</c>): nodes read and write
/// <c>Partitions&lt;T&gt;</c>, <c>T</c> checked at compile time against the type of the entry's <c>dataset</c>.
/// </summary>
public sealed class PartitionedDatasetTests
{
    private const string Usings = "using Compiled;\nusing Compiled.Datasets;\n\nnamespace Partitioned;\n\n";

    private const string Nodes = Usings + """
        public sealed class Reading
        {
            public string Day { get; set; } = "";
            public double Value { get; set; }
        }

        public static class Nodes
        {
            [Node(Output = "daily_notes")]
            public static Partitions<string> Notes(Partitions<Reading[]> readings) =>
                Partitions<string>.FromValues(readings.Keys.Select(id => KeyValuePair.Create(id, "seen " + id)));
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """;

    private const string Catalog = """
        readings:
          type: partitions.IncrementalDataset
          path: data/01_raw/readings
          dataset: csv
          filename_suffix: .csv
        daily_notes:
          type: partitions.PartitionedDataset
          path: s3://bucket/notes
          credentials: s3
          dataset:
            type: text
            save_args:
              encoding: utf-8
        """;

    [Fact]
    public void The_catalog_builds_a_partitioned_dataset_of_the_partitions_type()
    {
        var run = GeneratorHarness.Run(Project(Nodes, Catalog)).AssertCompiles();

        Assert.Empty(run.Project.Diagnostics);
        Snapshot.Match(run.Source("PartitionedCatalog.g.cs"), "Partitioned.Catalog");
    }

    [Theory]
    [InlineData("Partitions<string>", "csv")]          // csv partitions hold rows
    [InlineData("Reading[]", "csv")]                    // a partitioned entry is read as Partitions<T>
    [InlineData("Partitions<Reading[]>", "text")]      // text partitions hold strings
    [InlineData("Partitions<Reading[]>", "sql")]       // partitions are files
    [InlineData("Partitions<string>", "parquet", "incremental")]
    public void A_partition_type_the_dataset_type_does_not_carry_is_reported_on_the_entry(string parameterType, string partitionKind, string kind = "partitioned")
    {
        var run = GeneratorHarness.Run(Project(Usings + $$"""
            public sealed class Reading
            {
                public string Day { get; set; } = "";
            }

            public static class Nodes
            {
                [Node(Output = "count")]
                public static int Count({{parameterType}} readings) => 0;
            }

            [Pipeline(typeof(Nodes))]
            public sealed partial class DefaultPipeline;
            """, $"readings:\n  type: {kind}\n  path: data/readings\n  dataset: {partitionKind}\n")).AssertCompiles();

        var diagnostic = Assert.Single(run.Project.Diagnostics);
        Assert.Equal(DiagnosticIds.IncompatibleDatasetType, diagnostic.Id);
        Assert.Equal("readings", diagnostic.Arguments[0]);
        Assert.Contains("Partitions<T>", diagnostic.Arguments[3]);
    }

    [Fact]
    public void A_partitioned_entry_without_dataset_is_reported()
    {
        var run = GeneratorHarness.Run(Project(Nodes, Catalog.Replace("  dataset: csv\n", ""))).AssertCompiles();

        var diagnostic = Assert.Single(run.Project.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidCatalogEntry, diagnostic.Id);
        Assert.Contains("missing the required key 'dataset'", diagnostic.Arguments[1]);
    }

    private static TestProject Project(string sources, string catalog) =>
        TestProject.Create("Partitioned").WithSource("Nodes.cs", sources).WithConfig("conf/base/catalog.yml", catalog);
}
