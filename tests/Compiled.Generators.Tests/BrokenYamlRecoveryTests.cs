using Compiled.Generators.Model;
using Compiled.Generators.Tests.Infrastructure;
using Compiled.Generators.Tests.Projects;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// One YAML mistake, one diagnostic: a catalog or parameters file that does not parse is reported once (CPL0006), and the
/// generated catalog, parameters and <c>Run</c> signatures keep the members the project's code uses, read around the error.
/// Each case breaks one line in the middle of a MiniFlights file and expects the very code the sound file generates
/// (the reviewed snapshots), pipelines aside: those throw, with their signatures unchanged.
/// </summary>
public sealed class BrokenYamlRecoveryTests
{
    public static TheoryData<string, string, string> BrokenCatalogLines() => new()
    {
        // name, a line of MiniFlights' catalog.yml, what it becomes
        { "key indented by one space", "  filepath: data/02_intermediate/preprocessed_shuttles.csv", " filepath: data/02_intermediate/preprocessed_shuttles.csv" },
        { "key indented too far", "  filepath: data/02_intermediate/preprocessed_shuttles.csv", "     filepath: data/02_intermediate/preprocessed_shuttles.csv" },
        { "unterminated quote", "  filepath: data/02_intermediate/preprocessed_shuttles.csv", "  filepath: \"data/02_intermediate/preprocessed_shuttles.csv" },
        { "unclosed flow sequence", "  filepath: data/02_intermediate/preprocessed_shuttles.csv", "  filepath: [data/02_intermediate/preprocessed_shuttles.csv" },
        { "tab indentation", "  filepath: data/02_intermediate/preprocessed_shuttles.csv", "\tfilepath: data/02_intermediate/preprocessed_shuttles.csv" },
        { "a second ': ' in a value", "  filepath: data/02_intermediate/preprocessed_shuttles.csv", "  filepath: data: 02_intermediate/preprocessed_shuttles.csv" },
    };

    [Theory]
    [MemberData(nameof(BrokenCatalogLines))]
    public void A_catalog_broken_mid_file_is_one_cpl0006_and_generates_the_same_catalog(string name, string line, string broken)
    {
        var catalog = MiniFlights.Catalog.Replace(line, broken);
        Assert.NotEqual(MiniFlights.Catalog, catalog);
        var run = GeneratorHarness.Run(MiniFlights.Project.WithConfigReplaced("conf/base/catalog.yml", catalog)).AssertCompiles();

        var diagnostic = Assert.Single(run.Project.Diagnostics);
        Assert.True(diagnostic.Id == DiagnosticIds.InvalidYaml, $"{name}: {diagnostic}");
        Snapshot.Match(run.Source("MiniFlightsCatalog.g.cs"), "MiniFlightsCatalog");
        Snapshot.Match(run.Source("MiniFlightsParameters.g.cs"), "MiniFlightsParameters");
        AssertSameSignatures(run);
    }

    [Fact]
    public void Parameters_broken_mid_file_are_one_cpl0006_and_generate_the_same_parameters()
    {
        var parameters = MiniFlights.DataScienceParameters.Replace("  random_state: 3", "   random_state: 3");
        Assert.NotEqual(MiniFlights.DataScienceParameters, parameters);
        var run = GeneratorHarness.Run(MiniFlights.Project.WithConfigReplaced("conf/base/parameters_data_science.yml", parameters)).AssertCompiles();

        var diagnostic = Assert.Single(run.Project.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidYaml, diagnostic.Id);
        Assert.Equal("conf/base/parameters_data_science.yml", diagnostic.Arguments[0]);
        Snapshot.Match(run.Source("MiniFlightsParameters.g.cs"), "MiniFlightsParameters");
        Snapshot.Match(run.Source("MiniFlightsCatalog.g.cs"), "MiniFlightsCatalog");
        AssertSameSignatures(run);
    }

    [Fact]
    public void A_parameter_list_never_closed_keeps_the_record_member_with_its_type()
    {
        var parameters = MiniFlights.DataScienceParameters.Replace("  test_size: 0.2", "  test_size: [0.2");
        var run = GeneratorHarness.Run(MiniFlights.Project.WithConfigReplaced("conf/base/parameters_data_science.yml", parameters)).AssertCompiles();

        Assert.Equal(DiagnosticIds.InvalidYaml, Assert.Single(run.Project.Diagnostics).Id);
        var sound = MiniFlights.Run.Project.Parameters.Records.SelectMany(r => r.Properties).Select(p => (p.Name, p.TypeName));
        var recovered = run.Project.Parameters.Records.SelectMany(r => r.Properties).Select(p => (p.Name, p.TypeName));
        Assert.Equal(sound, recovered);
        AssertSameSignatures(run);
    }

    [Fact]
    public void A_file_that_cannot_be_read_anywhere_keeps_the_old_fallback()
    {
        // The error is before the first key: nothing can be read, and the project is generated without the file, as before.
        var run = GeneratorHarness.Run(MiniFlights.Project.WithConfigReplaced("conf/base/parameters.yml", "  - a\nreport: [\n")).AssertCompiles();

        Assert.Equal(DiagnosticIds.InvalidYaml, Assert.Single(run.Project.Diagnostics, d => d.Id == DiagnosticIds.InvalidYaml).Id);
    }

    /// <summary>Every pipeline throws (the configuration is broken) but takes and returns what the sound project's does.</summary>
    private static void AssertSameSignatures(GeneratorRun run)
    {
        var sound = MiniFlights.Run.Project.Pipelines.ToDictionary(p => p.ClassName);
        Assert.Equal(sound.Keys.Order(), run.Project.Pipelines.Select(p => p.ClassName).Order());
        foreach (var pipeline in run.Project.Pipelines)
        {
            Assert.True(pipeline.HasErrors, $"{pipeline.Name} has a body although the configuration is broken.");
            var expected = sound[pipeline.ClassName];
            Assert.Equal(expected.RuntimeInputs, pipeline.RuntimeInputs);
            Assert.Equal(expected.RuntimeValues, pipeline.RuntimeValues);
            Assert.Equal(expected.InputOverrides, pipeline.InputOverrides);
            Assert.Equal(expected.Results, pipeline.Results);
        }
    }
}

/// <summary>
/// One mistake, one diagnostic, for a catalog entry with an error of its own (CPL0007): its member is kept (as the type it
/// most likely means), the pipelines using it keep their signatures and throw, and nothing else is reported about it.
/// </summary>
public sealed class InvalidCatalogEntryTests
{
    [Theory]
    [InlineData("type: csv\n  filepath: data/02_intermediate/preprocessed_shuttles.csv", "type: cvs\n  filepath: data/02_intermediate/preprocessed_shuttles.csv", "did you mean 'csv'?")]
    [InlineData("type: csv\n  filepath: data/02_intermediate/preprocessed_shuttles.csv", "type: csv", "missing the required key 'filepath'")]
    public void An_invalid_entry_is_one_cpl0007_and_keeps_its_member_and_the_signatures(string entry, string broken, string problem)
    {
        var catalog = MiniFlights.Catalog.Replace("preprocessed_shuttles:\n  " + entry, "preprocessed_shuttles:\n  " + broken);
        Assert.NotEqual(MiniFlights.Catalog, catalog);
        var run = GeneratorHarness.Run(MiniFlights.Project.WithConfigReplaced("conf/base/catalog.yml", catalog)).AssertCompiles();

        var diagnostic = Assert.Single(run.Project.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidCatalogEntry, diagnostic.Id);
        Assert.Contains(problem, diagnostic.Arguments[1], StringComparison.Ordinal);
        var sound = MiniFlights.Run.Project.Catalog.Single(e => e.Name == "preprocessed_shuttles");
        var kept = Assert.Single(run.Project.Catalog, e => e.Name == "preprocessed_shuttles");
        Assert.Equal((sound.PropertyName, sound.DatasetType, sound.DataType), (kept.PropertyName, kept.DatasetType, kept.DataType));

        foreach (var pipeline in run.Project.Pipelines)
        {
            var expected = MiniFlights.Run.Project.Pipelines.Single(p => p.ClassName == pipeline.ClassName);
            Assert.Equal(expected.InputOverrides, pipeline.InputOverrides);
            Assert.Equal(expected.Results, pipeline.Results);
            var touches = MiniFlights.Run.Source($"MiniFlights.{pipeline.ClassName}.g.cs").Contains("catalog.PreprocessedShuttles", StringComparison.Ordinal);
            Assert.True(pipeline.HasErrors == touches, $"{pipeline.Name}: HasErrors {pipeline.HasErrors}, touches the entry: {touches}");
        }
    }
}

/// <summary>One mistake, one diagnostic, for a pipeline whose <c>Inputs</c> misspell what its node reads.</summary>
public sealed class MisspeltPipelineInputTests
{
    private static readonly TestProject Project = TestProject.Create("Quotes")
        .WithSource("Nodes.cs", """
            using Compiled;

            namespace Quotes;

            public sealed record Customer(string Name);

            public static class Quoting
            {
                [Node(Output = "quote")]
                public static double Quote(Customer customer) => customer.Name.Length;
            }

            // 'custmer': the node reads 'customer'.
            [Pipeline(typeof(Quoting), Inputs = ["custmer"])]
            public sealed partial class QuotePipeline;

            public static class Caller
            {
                public static double Positional(QuotesSession session) => session.Quote.Run(new Customer("ada")).Quote;

                public static double Named(QuotesSession session) => session.Quote.Run(customer: new Customer("ada")).Quote;
            }
            """);

    [Fact]
    public void The_node_input_is_one_cpl0001_and_the_throwing_Run_still_takes_it()
    {
        var run = GeneratorHarness.Run(Project).AssertCompiles(); // the caller's code included

        var diagnostic = Assert.Single(run.Project.Diagnostics);
        Assert.Equal(DiagnosticIds.UnresolvedInput, diagnostic.Id);
        Assert.Equal("customer", diagnostic.Arguments[1]);
        Assert.Contains("'custmer'", diagnostic.Arguments[2], StringComparison.Ordinal);
        var pipeline = Assert.Single(run.Project.Pipelines);
        Assert.True(pipeline.HasErrors);
        Assert.Equal("customer", Assert.Single(pipeline.RuntimeInputs).Dataset);
    }
}
