using Compiled.Generators.Model;
using Compiled.Generators.Tests.Infrastructure;
using Compiled.Generators.Tests.Projects;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// Bad input never crashes the generator (no exception, no CS8785): it becomes a diagnostic in the
/// project model — located in the YAML file or on the C# member — for the analyzers to report, and
/// the affected pipeline gets a <c>RunAsync</c> that throws instead of a body.
/// </summary>
public sealed class BadInputTests
{
    private const string CatalogPath = $"{TestProject.Root}/conf/base/catalog.yml";

    public static TheoryData<string, string, int, int> MalformedYaml() => new()
    {
        // name, catalog text, 0-based line and column where the diagnostic must start: where YamlDotNet finds the problem.
        { "key indented too far", "companies:\n  type: csv\n   filepath: data/01_raw/companies.csv\n", 2, 11 },
        { "unterminated quote", "companies:\n  type: csv\n  filepath: \"data/01_raw/companies.csv\n", 2, 12 },
        // An unclosed '[' is found at the end of the input: the empty line after the last newline...
        { "unclosed flow sequence", "companies:\n  type: csv\n  filepath: [unclosed\n", 3, 0 },
        // ...or, without a final newline, the end of the last line (YamlDotNet's mark says line 4, column 1 there).
        { "unclosed flow sequence, no final newline", "companies:\n  type: csv\n  filepath: [unclosed", 2, 21 },
        // The second occurrence of a key, and a tab used as indentation (at the tab, not at the enclosing mapping).
        { "duplicate key", "companies:\n  type: csv\ncompanies:\n  type: json\n", 2, 0 },
        { "tab indentation", "companies:\n\ttype: csv\n", 1, 0 },
        // YAML that would expand without end (YamlDotNet's MergingParser looped forever on the first): at the key.
        { "merge key naming the mapping it is in", "_csv: &csv\n  type: csv\n  <<: *csv\n", 2, 2 },
        { "alias naming a mapping that contains it", "companies: &c\n  type: csv\n  again: *c\n", 2, 2 },
    };

    [Theory]
    [MemberData(nameof(MalformedYaml))]
    public void MalformedCatalog_IsACpl0006AtTheYamlLine_NotAGeneratorCrash(string name, string catalog, int line, int column)
    {
        var run = GeneratorHarness.Run(MiniFlights.Project.WithConfigReplaced("conf/base/catalog.yml", catalog));

        // CS8785 ("generator failed") would be among the driver's diagnostics; the generator reports none of its own.
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785");
        Assert.Empty(run.GeneratorDiagnostics);
        var diagnostic = Assert.Single(run.Project.Diagnostics, d => d.Id == DiagnosticIds.InvalidYaml);
        Assert.Equal("conf/base/catalog.yml", diagnostic.Arguments[0]); // as the user names it, not the machine's path
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Arguments[1]));
        var location = diagnostic.Target.File;
        Assert.NotNull(location);
        Assert.Equal(CatalogPath, location.FilePath);

        // The line and column must be a place in the file, the same place as the character offset.
        var text = SourceText.From(catalog);
        var atOffset = text.Lines.GetLinePosition(location.Start);
        Assert.True(location.Line < text.Lines.Count,
            $"{name}: CPL0006 is on 0-based line {location.Line} but the file has {text.Lines.Count} lines ({location}).");
        Assert.True((atOffset.Line, atOffset.Character) == (location.Line, location.Column),
            $"{name}: CPL0006 says line {location.Line}, column {location.Column} but its offset {location.Start} is line {atOffset.Line}, column {atOffset.Character} ({location}).");
        Assert.True((line, column) == (location.Line, location.Column),
            $"{name}: CPL0006 '{diagnostic.Arguments[1]}' is at line {location.Line}, column {location.Column} (0-based); expected line {line}, column {column}.");
    }

    [Fact]
    public void MalformedCatalog_GeneratedCodeStillCompiles_AndEveryPipelineThatNeedsTheCatalogThrows()
    {
        var run = GeneratorHarness.Run(MiniFlights.Project.WithConfigReplaced("conf/base/catalog.yml", "companies:\n  type: csv\n  filepath: [unclosed\n"));

        run.AssertCompiles();
        Assert.All(run.Project.Pipelines, p => Assert.True(p.HasErrors, $"{p.Name} has a body although the catalog is broken."));
        Assert.Contains("throw new global::System.InvalidOperationException(", run.Source("MiniFlights.DataProcessingPipeline.g.cs"));
    }

    [Fact]
    public void MalformedParameters_IsACpl0006InTheParametersFile()
    {
        var run = GeneratorHarness.Run(MiniFlights.Project.WithConfigReplaced("conf/base/parameters.yml", "report:\n  title: [a, b\n"));

        var diagnostic = Assert.Single(run.Project.Diagnostics, d => d.Id == DiagnosticIds.InvalidYaml);
        Assert.Equal($"{TestProject.Root}/conf/base/parameters.yml", diagnostic.Target.File!.FilePath);
        run.AssertCompiles();
    }

    [Fact]
    public void InputNothingProvides_IsCpl0001NamingNodeAndInput_OnTheParameter()
    {
        var run = GeneratorHarness.Run(Broken.Project);

        var diagnostic = Assert.Single(run.Project.Diagnostics, d => d.Id == DiagnosticIds.UnresolvedInput && d.Arguments[1] == "missing_value");
        Assert.Equal("Node 'double_it'", diagnostic.Arguments[0]);
        Assert.Equal("missing_value", diagnostic.Arguments[1]);
        Assert.Equal("global::Broken.Nodes.DoubleIt", diagnostic.Target.MemberId);
        Assert.Equal(0, diagnostic.Target.ParameterIndex);
        Assert.True(Assert.Single(run.Project.Pipelines, p => p.Name == "broken").HasErrors);
    }

    [Fact]
    public void InputWithATypo_Cpl0001SuggestsTheClosestName()
    {
        var run = GeneratorHarness.Run(Broken.Project);

        var diagnostic = Assert.Single(run.Project.Diagnostics, d => d.Id == DiagnosticIds.UnresolvedInput && d.Arguments[1] == "compnies");
        Assert.Equal("Node 'count_companies'", diagnostic.Arguments[0]);
        Assert.Contains("'companies'", diagnostic.Arguments[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task InputNothingProvides_PipelineCompiles_AndItsRunAndRunAsyncThrowInvalidOperationException()
    {
        var run = GeneratorHarness.Run(Broken.Project).AssertCompiles();
        Assert.Contains("throw new global::System.InvalidOperationException(", run.Source("Broken.BrokenPipeline.g.cs"));
        using var assembly = InMemoryAssembly.Load(run.OutputCompilation);
        using var directory = new TempProjectDirectory().WriteConfig(Broken.Project);
        var session = assembly.GetType("Broken.BrokenProject")
            .CallStatic("CreateSession", ("options", new SessionOptions { ProjectPath = directory.Path, Environment = "base" }))!;
        var pipeline = session.Get("Broken")!;

        var asyncException = await Assert.ThrowsAsync<InvalidOperationException>(() => ReflectionCalls.AwaitResult(pipeline.Call("RunAsync")));
        var syncException = Assert.Throws<InvalidOperationException>(() => pipeline.Call("Run"));

        Assert.Contains("'broken'", asyncException.Message, StringComparison.Ordinal);
        Assert.Contains("CPL", asyncException.Message, StringComparison.Ordinal);
        Assert.Equal(asyncException.Message, syncException.Message);
    }

    [Fact]
    public void BrokenPipeline_DoesNotStopTheOthersFromBeingGenerated()
    {
        var run = GeneratorHarness.Run(Broken.Project);

        var healthy = Assert.Single(run.Project.Pipelines, p => p.Name == "healthy");
        Assert.False(healthy.HasErrors);
        Assert.Contains("global::Broken.Healthy.CountRows(companies)", run.Source("Broken.HealthyPipeline.g.cs"));
    }

    [Fact]
    public void NoRootNamespace_FallsBackToTheAssemblyName()
    {
        var run = GeneratorHarness.Run(MiniFlights.Project with { RootNamespace = "" });

        Assert.Equal("TestAssembly", run.Project.Info.ProjectName);
        run.AssertCompiles();
    }

    /// <summary>A project with one broken pipeline (an input nothing provides, and a typo) and one healthy one.</summary>
    private static class Broken
    {
        public static TestProject Project { get; } = TestProject.Create("Broken")
            .WithSource("Nodes.cs", """
                using Compiled;

                namespace Broken;

                public sealed class CompanyRow
                {
                    public int Id { get; set; }
                }

                public static class Nodes
                {
                    [Node(Output = "doubled")]
                    public static int DoubleIt(int missingValue) => missingValue * 2;

                    [Node(Output = "company_count")]
                    public static int CountCompanies([Input("compnies")] CompanyRow[] rows) => rows.Length;
                }

                public static class Healthy
                {
                    [Node(Output = "row_count")]
                    public static int CountRows(CompanyRow[] companies) => companies.Length;
                }

                [Pipeline(typeof(Nodes))]
                public sealed partial class BrokenPipeline;

                [Pipeline(typeof(Healthy))]
                public sealed partial class HealthyPipeline;
                """)
            .WithConfig("conf/base/catalog.yml", """
                companies:
                  type: csv
                  filepath: data/01_raw/companies.csv
                """);
    }
}
