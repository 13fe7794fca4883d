using Compiled.Generators.Model;
using Compiled.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// Issues #18 and #19: a node may read a dataset as any type C# would accept for the producer's value in a call.
/// What C# accepts compiles and runs (the local keeps the producer's type, the call converts); what it does not is a
/// CPL diagnostic in the model and a throwing <c>Run</c>, never an error or a warning inside generated code.
/// </summary>
public sealed class TypeCompatibilityTests : IDisposable
{
    private const string Usings = "using Compiled;\n\nnamespace Conversions;\n\n";

    private const string AcceptedSources = Usings + """
        public record Animal(string Name);

        public sealed record Dog(string Name, string Breed) : Animal(Name);

        /// <summary>List read as IReadOnlyList, int as long, Dog as Animal (in memory and through a json entry).</summary>
        public static class Widening
        {
            [Node(Output = "numbers")]
            public static List<int> Numbers() => [1, 2, 3];

            [Node(Output = "count")]
            public static int Count(IReadOnlyList<int> numbers) => numbers.Count;

            [Node(Output = "big")]
            public static long Big(long count) => count * 1_000_000_000_000L;

            [Node(Output = "dog")]
            public static Dog Fetch() => new("Rex", "collie");

            [Node(Outputs = ["maybe", "pair"])]
            public static (int?, (int Count, string Label)) Maybe() => (5, (1, "one"));

            [Node(Output = "greeting")]
            public static string Greet(Animal dog, long big, object numbers, long? maybe, (long, string) pair) =>
                $"{dog.Name} {big} {numbers.GetType().Name} {maybe} {pair.Item2}";
        }

        /// <summary>Reads the dog the other pipeline saved, as its base record.</summary>
        public static class Pets
        {
            [Node(Output = "described")]
            public static string Describe([Input("dog")] Animal animal) => animal.Name + " is a " + animal.GetType().Name;
        }

        /// <summary>One runtime input read as int and as long: Run takes the int.</summary>
        public static class Sizes
        {
            [Node(Output = "doubled")]
            public static long Double(long size) => size * 2;

            [Node(Output = "halved")]
            public static int Halve(int size) => size / 2;
        }

        [Pipeline(typeof(Widening))]
        public sealed partial class WideningPipeline;

        [Pipeline(typeof(Pets))]
        public sealed partial class PetsPipeline;

        [Pipeline(typeof(Sizes), Inputs = ["size"])]
        public sealed partial class SizesPipeline;
        """;

    private static readonly TestProject Accepted = TestProject.Create("Conversions")
        .WithSource("Nodes.cs", AcceptedSources)
        .WithConfig("conf/base/catalog.yml", "dog:\n  type: json\n  filepath: data/dog.json\n");

    private readonly TempProjectDirectory _directory = new TempProjectDirectory().WriteConfig(Accepted);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void ImplicitConversions_AreAccepted_WithNoDiagnostic_AndTheGeneratedCodeCompilesWithoutWarnings()
    {
        var run = GeneratorHarness.Run(Accepted).AssertCompiles();

        Assert.Empty(run.Project.Diagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.All(run.Project.Pipelines, p => Assert.False(p.HasErrors, p.ClassName));
        var widening = run.Source("Conversions.WideningPipeline.g.cs");
        Assert.Contains("var count = global::Conversions.Widening.Count(numbers);", widening); // the local is the List<int>
        Assert.Contains("var big = global::Conversions.Widening.Big(count);", widening);
        Assert.Contains("var greeting = global::Conversions.Widening.Greet(dog, big, numbers, maybe!, pair);", widening);
        var steps = run.Source("Conversions.WideningPipeline.Steps.g.cs"); // node by node: a field of the producer's type
        Assert.Contains("private global::System.Collections.Generic.List<int> _numbers = default!;", steps);
        Assert.Contains("private global::Conversions.Dog _dog = default!;", steps);
        Assert.Contains("_greeting = global::Conversions.Widening.Greet(_dog, _big, _numbers, _maybe!, _pair);", steps);
        Assert.Contains("global::Compiled.Datasets.JsonDataset<global::Conversions.Dog>", run.Source("ConversionsCatalog.g.cs"));
        Assert.Contains("public Result Run(int size,", run.Source("Conversions.SizesPipeline.g.cs"));
    }

    [Fact]
    public async Task ImplicitConversions_Run_StraightLineAndNodeByNode()
    {
        var run = GeneratorHarness.Run(Accepted).AssertCompiles();
        using var assembly = InMemoryAssembly.Load(run.OutputCompilation);
        var session = assembly.GetType("Conversions.ConversionsProject")
            .CallStatic("CreateSession", ("options", new SessionOptions { ProjectPath = _directory.Path, Environment = "base" }))!;

        var widening = session.Get("Widening")!.Call("Run")!;
        Assert.Equal("Rex 3000000000000 List`1 5 one", widening.Get("Greeting"));
        Assert.True(_directory.Exists("data/dog.json"));

        // The Dog saved as json, loaded by the catalog as a Dog, read as an Animal.
        Assert.Equal("Rex is a Dog", session.Get("Pets")!.Call("Run")!.Get("Described"));

        var sizes = session.Get("Sizes")!.Call("Run", ("size", 21))!;
        Assert.Equal((42L, 10), ((long)sizes.Get("Doubled")!, (int)sizes.Get("Halved")!));

        // The node-by-node runner (the Steps file): fields of the producers' types, the same conversions.
        var summary = (Compiled.Runners.RunSummary)(await ReflectionCalls.AwaitResult(
            session.Get("Widening")!.Call("ExecuteAsync", ("options", new Compiled.Runners.RunOptions { Runner = Compiled.Runners.RunnerKind.Parallel }))))!;
        Assert.Equal(["big", "count", "fetch", "greet", "maybe", "numbers"], summary.NodesRun.Order());
    }

    [Theory]
    [InlineData(null)] // count stays in memory
    [InlineData("count:\n  type: json\n  filepath: data/count.json\n")]
    public void NullableValueReadAsItsUnderlyingType_IsCpl0003_AndTheBuildHasNoErrorInGeneratedCode(string? catalog)
    {
        var run = GeneratorHarness.Run(Project("""
            public static class Nodes
            {
                [Node(Output = "count")]
                public static int? Count() => null;

                [Node(Output = "doubled")]
                public static int Double(int count) => count * 2;
            }

            [Pipeline(typeof(Nodes))]
            public sealed partial class DefaultPipeline;
            """, catalog)).AssertCompiles();

        var diagnostic = Assert.Single(run.Project.Diagnostics);
        Assert.Equal(DiagnosticIds.TypeMismatch, diagnostic.Id);
        Assert.Equal(DiagnosticTarget.Parameter("global::Conversions.Nodes.Double", 0), diagnostic.Target);
        Assert.Equal([DiagnosticTarget.Member("global::Conversions.Nodes.Count")], diagnostic.AdditionalTargets);
        Assert.Equal("dataset 'count' is 'int' in node 'double' but 'int?' in node 'count', which may be null: read it as 'int?'", diagnostic.Arguments[0]);
        Assert.True(Assert.Single(run.Project.Pipelines).HasErrors);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void NullableReferenceReadAsNonNullable_IsCpl0018_AndGeneratedCodeHasNoWarning_AndRuns()
    {
        var project = Project("""
            public static class Nodes
            {
                [Node(Output = "name")]
                public static string? FindName() => null;

                [Node(Output = "greeting")]
                public static string Greet(string name) => "Hello " + (name ?? "(null)");
            }

            [Pipeline(typeof(Nodes))]
            public sealed partial class DefaultPipeline;
            """);
        var run = GeneratorHarness.Run(project).AssertCompiles();

        var diagnostic = Assert.Single(run.Project.Diagnostics);
        Assert.Equal(DiagnosticIds.NullableMismatch, diagnostic.Id);
        Assert.Equal(DiagnosticTarget.Parameter("global::Conversions.Nodes.Greet", 0), diagnostic.Target);
        Assert.Equal(["name", "greet", "string", "string?", "find_name"], diagnostic.Arguments);
        Assert.False(Assert.Single(run.Project.Pipelines).HasErrors); // a warning: the pipeline runs, as C# code would
        Assert.Empty(run.CompilationDiagnostics); // no CS8604 in generated code
        Assert.Contains("global::Conversions.Nodes.Greet(name!)", run.Source("Conversions.DefaultPipeline.g.cs"));
        Assert.Contains("global::Conversions.Nodes.Greet(_name!)", run.Source("Conversions.DefaultPipeline.Steps.g.cs"));

        using var directory = new TempProjectDirectory().WriteConfig(project);
        using var assembly = InMemoryAssembly.Load(run.OutputCompilation);
        var session = assembly.GetType("Conversions.ConversionsProject")
            .CallStatic("CreateSession", ("options", new SessionOptions { ProjectPath = directory.Path, Environment = "base" }))!;
        Assert.Equal("Hello (null)", session.Get("Default")!.Call("Run")!.Get("Greeting"));
    }

    [Fact]
    public void UnrelatedType_IsStillCpl0003()
    {
        var run = GeneratorHarness.Run(Project("""
            public static class Nodes
            {
                [Node(Output = "count")]
                public static long Count() => 3;

                [Node(Output = "doubled")]
                public static int Double(int count) => count * 2;
            }

            [Pipeline(typeof(Nodes))]
            public sealed partial class DefaultPipeline;
            """)).AssertCompiles();

        var diagnostic = Assert.Single(run.Project.Diagnostics);
        Assert.Equal("dataset 'count' is 'int' in node 'double' but 'long' in node 'count'", diagnostic.Arguments[0]); // narrowing: C# needs a cast
        Assert.True(Assert.Single(run.Project.Pipelines).HasErrors);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void ArtifactWhoseEntryUsesARuntimeValue_IsCpl0011AtTheYamlValue_AndNoErrorInGeneratedCode()
    {
        const string Catalog = "model:\n  type: json\n  filepath: data/${runtime:version}/model.json\n";
        var run = GeneratorHarness.Run(Project("""
            public sealed record Model(double Slope);

            public static class Inference
            {
                [Node(Output = "price")]
                public static double Predict(Model model, double features) => model.Slope * features;
            }

            [Pipeline(typeof(Inference), Inputs = ["features"], Artifacts = ["model"])]
            public sealed partial class PredictPipeline;
            """, Catalog)).AssertCompiles();

        var diagnostic = Assert.Single(run.Project.Diagnostics);
        Assert.Equal(DiagnosticIds.UnresolvedInterpolation, diagnostic.Id);
        Assert.Equal(("${runtime:version}", "model"), (diagnostic.Arguments[0], diagnostic.Arguments[1]));
        var location = diagnostic.Target.File!;
        Assert.Equal((2, Catalog.IndexOf("data/", StringComparison.Ordinal)), (location.Line, location.Start));
        Assert.Equal([DiagnosticTarget.Member("global::Conversions.PredictPipeline")], diagnostic.AdditionalTargets);
        Assert.True(Assert.Single(run.Project.Pipelines).HasErrors);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void DatasetTypesOfTheProject_WithAFixedNullableOrNonNullableT_AreReportedOnTheirReadersAndWriters_NotInGeneratedCode()
    {
        var run = GeneratorHarness.Run(Project("""
            /// <summary>A dataset that always loads default(T): the T is fixed by each subclass.</summary>
            public abstract class DefaultsDataset<T> : IDataset<T>
            {
                public string Name => GetType().Name;
                public T Load() => default!;
                public void Save(T data) { }
                public bool Exists() => true;
            }

            public sealed class NamesDataset : DefaultsDataset<string?>
            {
                public static NamesDataset FromConfig(Compiled.Config.DatasetConfig config) => new();
            }

            public sealed class CountDataset : DefaultsDataset<int?>
            {
                public static CountDataset FromConfig(Compiled.Config.DatasetConfig config) => new();
            }

            public sealed class LabelsDataset : DefaultsDataset<string>
            {
                public static LabelsDataset FromConfig(Compiled.Config.DatasetConfig config) => new();
            }

            public static class Nodes
            {
                [Node(Output = "greeting")]
                public static string Greet(string name) => "Hello " + name;

                [Node(Output = "doubled")]
                public static int Double(int count) => count * 2;

                [Node(Output = "label")]
                public static string? Label() => null;
            }

            [Pipeline(typeof(Nodes))]
            public sealed partial class DefaultPipeline;
            """, "name:\n  type: Conversions.NamesDataset\ncount:\n  type: Conversions.CountDataset\nlabel:\n  type: Conversions.LabelsDataset\n")).AssertCompiles();

        Assert.Equal(
            [(DiagnosticIds.IncompatibleDatasetType, "count"), (DiagnosticIds.IncompatibleDatasetType, "label"), (DiagnosticIds.NullableMismatch, "name")],
            run.Project.Diagnostics.Select(d => (d.Id, d.Arguments[0])).OrderBy(d => d.Item1).ThenBy(d => d.Item2));
        Assert.Equal(
            [["count", "CountDataset", "int", "int?"], ["label", "LabelsDataset", "string?", "string"]],
            run.Project.Diagnostics.Where(d => d.Id == DiagnosticIds.IncompatibleDatasetType).OrderBy(d => d.Arguments[0]).Select(d => d.Arguments.Select(a => a.Replace("Conversions.", "")).ToArray()));
        Assert.True(Assert.Single(run.Project.Pipelines).HasErrors);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void TheConversionsStep_IsCachedAcrossAnUnrelatedEdit_AndFollowsAnEditToATypeTheNodesUse()
    {
        var project = TestProject.Create("Conversions")
            .WithSource("Animals.cs", Usings + "public record Animal(string Name);\n\npublic sealed record Dog(string Name) : Animal(Name);\n")
            .WithSource("Nodes.cs", Usings + """
                public static class Nodes
                {
                    [Node(Output = "dog")]
                    public static Dog Fetch() => new("Rex");

                    [Node(Output = "greeting")]
                    public static string Greet(Animal dog) => dog.Name;
                }

                [Pipeline(typeof(Nodes))]
                public sealed partial class DefaultPipeline;
                """);
        var compilation = project.CreateCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(project), compilation).AssertCompiles();
        Assert.Empty(first.Project.Diagnostics);
        Assert.Equal([new TypeConversion("global::Conversions.Dog", "global::Conversions.Animal")], Output<TypeConversions>(first, TrackingNames.TypeConversions).Implicit);

        // Another file: the conversions are asked again (a new compilation) and are the same; the project is not rebuilt.
        compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Usings + "public static class Other { }", TestProject.ParseOptions, $"{TestProject.Root}/Other.cs"));
        var second = GeneratorHarness.Run(first.Driver, compilation);
        Assert.All(Reasons(second, TrackingNames.TypeConversions), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.All(Reasons(second, TrackingNames.Project), r => Assert.Equal(IncrementalStepRunReason.Cached, r));

        // Dog no longer derives from Animal, in a file with no node: the answer changes, and so does the verdict.
        var animals = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Animals.cs", StringComparison.Ordinal));
        compilation = compilation.ReplaceSyntaxTree(animals, CSharpSyntaxTree.ParseText(
            Usings + "public record Animal(string Name);\n\npublic sealed record Dog(string Name);\n", TestProject.ParseOptions, animals.FilePath));
        var third = GeneratorHarness.Run(second.Driver, compilation).AssertCompiles();
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(third, TrackingNames.Project));
        var diagnostic = Assert.Single(third.Project.Diagnostics);
        Assert.Equal((DiagnosticIds.TypeMismatch, DiagnosticTarget.Parameter("global::Conversions.Nodes.Greet", 0)), (diagnostic.Id, diagnostic.Target));
        Assert.Empty(third.CompilationDiagnostics);
    }

    private static List<IncrementalStepRunReason> Reasons(GeneratorRun run, string step) =>
        run.Generator.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    private static T Output<T>(GeneratorRun run, string step) => Assert.IsType<T>(Assert.Single(Assert.Single(run.Generator.TrackedSteps[step]).Outputs).Value);

    private static TestProject Project(string sources, string? catalog = null)
    {
        var project = TestProject.Create("Conversions").WithSource("Nodes.cs", Usings + sources);
        return catalog is null ? project : project.WithConfig("conf/base/catalog.yml", catalog);
    }
}
