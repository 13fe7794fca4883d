using System.Reflection;
using Compiled.Generators.Model;
using Compiled.Generators.Tests.Infrastructure;
using Compiled.Generators.Tests.Projects;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// The generator's incremental steps (TrackingNames) are cached across edits that do not concern
/// them — the NetEscapades.EnumGenerators approach: run, edit, run again with the same driver and
/// read each tracked step's run reasons. And the models the steps hand on hold no Roslyn objects.
/// </summary>
public sealed class IncrementalityTests
{
    /// <summary>Every step name in <see cref="TrackingNames"/>, read by reflection so a new step is covered as soon as it is named.</summary>
    private static readonly string[] Steps =
    [
        .. typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!),
    ];

    public static TheoryData<string> StepNames() => [.. Steps];

    public static TheoryData<string> UnrelatedEdits() => ["add an unrelated file", "edit an unrelated file", "edit a node body"];

    [Fact]
    public void TrackingNames_IncludeTheFiveSteps_AndEveryOneRuns()
    {
        Assert.Superset(new HashSet<string> { "ConfigFiles", "Nodes", "Pipelines", "ProjectInfo", "Project" }, Steps.ToHashSet());
        Assert.All(Steps, name => Assert.True(MiniFlights.Run.Generator.TrackedSteps.ContainsKey(name), $"Step '{name}' is named but never tracked."));
    }

    [Theory]
    [MemberData(nameof(UnrelatedEdits))]
    public void UnrelatedEdit_LeavesEveryTrackedStepCachedOrUnchanged(string edit)
    {
        var project = MiniFlights.Project;
        var compilation = project.CreateCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(project), compilation);

        var second = GeneratorHarness.Run(first.Driver, Edit(compilation, edit));

        foreach (var name in Steps)
        {
            Assert.True(second.Generator.TrackedSteps.TryGetValue(name, out var steps), $"Step '{name}' did not run at all.");
            var reasons = steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.True(
                reasons.All(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged),
                $"After '{edit}', step '{name}' has outputs {string.Join(", ", reasons)}; expected only Cached or Unchanged.");
        }

        Assert.Equal(first.Sources, second.Sources);
    }

    /// <summary>
    /// A node's declaration line is part of the pipeline's graph (<c>NodeSource</c>, for the visualisation), so moving
    /// a node re-runs the steps after parsing: accepted, and the only generated text that changes is that line number.
    /// </summary>
    [Fact]
    public void AddingABlankLineAboveANode_ChangesOnlyTheNodesDeclarationLines()
    {
        var project = MiniFlights.Project;
        var compilation = project.CreateCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(project), compilation);

        var second = GeneratorHarness.Run(first.Driver, Edit(compilation, "add a blank line above a node"));

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, TrackingNames.Nodes));
        Assert.All(Reasons(second, TrackingNames.ConfigFiles), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        var changed = first.Sources.Values.Zip(second.Sources.Values)
            .SelectMany(pair => pair.First.Split('\n').Zip(pair.Second.Split('\n')).Where(lines => lines.First != lines.Second))
            .ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed, lines =>
        {
            Assert.Contains("source: new(\"DataProcessing.cs\", ", lines.First, StringComparison.Ordinal);
            Assert.Equal(Line(lines.First) + 1, Line(lines.Second));
        });

        static int Line(string text) => int.Parse(text.Split(", ")[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void EditingTheCatalog_ModifiesTheProjectStep()
    {
        var edited = MiniFlights.Catalog.Replace(
            "preprocessed_companies:\n  type: csv\n  filepath: data/02_intermediate/preprocessed_companies.csv",
            "preprocessed_companies:\n  type: memory",
            StringComparison.Ordinal);
        Assert.NotEqual(MiniFlights.Catalog, edited);

        var second = RunWithEditedCatalog(edited);

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, TrackingNames.ConfigFiles).Where(r => r != IncrementalStepRunReason.Cached));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, TrackingNames.Project));
        Assert.All(Reasons(second, TrackingNames.Nodes), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        var entry = second.Project.Catalog.Single(e => e.Name == "preprocessed_companies");
        Assert.Equal("global::Compiled.Datasets.MemoryDataset<global::MiniFlights.Model.Company[]>", entry.DatasetType);
        Assert.DoesNotContain("run.Save(catalog.PreprocessedCompanies", second.Source("MiniFlights.DataProcessingPipeline.g.cs"));
    }

    /// <summary>
    /// Paths and other catalog values are read at run time (one build runs in every environment), so
    /// changing one re-parses the file but leaves the project model, and the generated code, as they were.
    /// </summary>
    [Fact]
    public void EditingOnlyACatalogPath_LeavesTheProjectStepUnchanged()
    {
        var edited = MiniFlights.Catalog.Replace("data/01_raw/companies.csv", "data/01_raw/companies_2024.csv", StringComparison.Ordinal);
        Assert.NotEqual(MiniFlights.Catalog, edited);

        var second = RunWithEditedCatalog(edited);

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, TrackingNames.ConfigFiles));
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(second, TrackingNames.Project));
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public void StepOutputs_HoldNoRoslynObjects(string name)
    {
        var steps = MiniFlights.Run.Generator.TrackedSteps[name];
        var values = steps.SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.NotEmpty(values);
        foreach (var value in values)
        {
            Assert.NotNull(value);
            Assert.Empty(ModelGraph.FindRoslynObjects(value));
        }
    }

    [Fact]
    public void ModelWalk_ReachesDeepIntoTheProjectModel_AndWouldCatchASymbol()
    {
        // The walk must see the nested records, or the test above proves nothing.
        Assert.True(ModelGraph.CountReachable(MiniFlights.Run.Project) > 100);
        var symbol = MiniFlights.Run.OutputCompilation.GetTypeByMetadataName("MiniFlights.DataScience")!;
        Assert.NotEmpty(ModelGraph.FindRoslynObjects(new Holder([new object(), symbol])));
        Assert.NotEmpty(ModelGraph.FindRoslynObjects(new Holder([Location.None])));
    }

    /// <summary>
    /// One output per pipeline: an edit inside one pipeline (a tag on one of its nodes) re-emits that pipeline's files and
    /// nothing else — not the other pipelines', not the catalog, parameters or session. Read from the driver's own record
    /// of which outputs ran and what each one wrote.
    /// </summary>
    [Fact]
    public void EditingOnePipelinesNode_RegeneratesOnlyThatPipelinesFiles()
    {
        var project = MiniFlights.Project;
        var compilation = project.CreateCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(project), compilation);

        var second = GeneratorHarness.Run(first.Driver, Edit(compilation, "tag a node of one pipeline"));

        Assert.Equal(
            [
                "MiniFlights.DataProcessingPipeline.Contract.g.cs",
                "MiniFlights.DataProcessingPipeline.Remote.g.cs",
                "MiniFlights.DataProcessingPipeline.Steps.g.cs",
                "MiniFlights.DataProcessingPipeline.g.cs",
            ],
            RegeneratedFiles(second));
        Assert.Contains("tags: [\"primary\", \"daily\"]", second.Source("MiniFlights.DataProcessingPipeline.Steps.g.cs"), StringComparison.Ordinal);
        var unchanged = first.Sources.Where(s => !s.Key.StartsWith("MiniFlights.DataProcessingPipeline.", StringComparison.Ordinal));
        Assert.All(unchanged, source => Assert.Equal(source.Value, second.Source(source.Key)));
    }

    /// <summary>The hint names of the files the outputs that re-ran (rather than being cached) wrote, sorted.</summary>
    private static List<string> RegeneratedFiles(GeneratorRun run) =>
        run.Generator.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs)
            .Where(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            // An output's value is the compiler's (sources, diagnostics) pair; a source's hint name is read by reflection,
            // its type being internal to Roslyn.
            .SelectMany(output => ((System.Collections.IEnumerable)((System.Runtime.CompilerServices.ITuple)output.Value)[0]!).Cast<object>())
            .Select(source => (string)source.GetType().GetProperty("HintName")!.GetValue(source)!)
            .Order(StringComparer.Ordinal)
            .ToList();

    private sealed record Holder(object[] Items);

    private static IncrementalStepRunReason[] Reasons(GeneratorRun run, string step) =>
        run.Generator.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    /// <summary>Runs the generator over MiniFlights, then again after the catalog's text is replaced by <paramref name="catalog"/>.</summary>
    private static GeneratorRun RunWithEditedCatalog(string catalog)
    {
        var project = MiniFlights.Project;
        var compilation = project.CreateCompilation();
        var texts = project.CreateAdditionalTexts();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(project, texts), compilation);
        var old = texts.Single(t => t.Path == $"{TestProject.Root}/conf/base/catalog.yml");
        return GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(old, new InMemoryAdditionalText(old.Path, catalog)), compilation);
    }

    private static Compilation Edit(Compilation compilation, string edit)
    {
        SyntaxTree Tree(string name) => compilation.SyntaxTrees.Single(t => t.FilePath == $"{TestProject.Root}/{name}");
        Compilation Replace(string name, Func<string, string> change)
        {
            var tree = Tree(name);
            var text = tree.GetText().ToString();
            var changed = change(text);
            Assert.NotEqual(text, changed);
            return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(changed)));
        }

        return edit switch
        {
            "add an unrelated file" => compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
                "namespace MiniFlights; public static class Unrelated { public const int Answer = 42; }", TestProject.ParseOptions, $"{TestProject.Root}/Unrelated.cs")),
            "edit an unrelated file" => Replace("Program.cs", text => text.Replace("rows", "rows in total", StringComparison.Ordinal)),
            "edit a node body" => Replace("DataScience.cs", text => text.Replace("await Task.Yield();", "await Task.Yield(); // let the caller go on", StringComparison.Ordinal)),
            "tag a node of one pipeline" => Replace("DataProcessing.cs", text => text.Replace("Tags = [\"primary\"]", "Tags = [\"primary\", \"daily\"]", StringComparison.Ordinal)),
            "add a blank line above a node" => Replace("DataProcessing.cs", text => text.Replace("public static class DataProcessing", "\npublic static class DataProcessing", StringComparison.Ordinal)),
            _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, null),
        };
    }
}
