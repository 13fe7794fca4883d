using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;
using Compiled.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Compiled.Benchmarks.Analysis;

/// <summary>
/// What Compiled costs the compiler and the IDE on synthetic projects of 100, 1,000 and 5,000 nodes
/// (<see cref="SyntheticProject"/>): a cold generator run, the analyzers over the compilation with the
/// generated code (and, to tell their share from the compiler's, the same compilation compiled without
/// them), and an unrelated one-line edit (a new, trivial syntax tree) re-run through a driver that has
/// already run — what the IDE does on most keystrokes. See RESULTS.md beside this file.
/// </summary>
/// <remarks>
/// The generator and the analyzers are loaded from their build output (generators/…/bin and
/// analyzers/…/bin of the benchmark's configuration): this project consumes them as analyzers, not as
/// references. Roslyn itself (4.14) comes with BenchmarkDotNet.
/// </remarks>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private CSharpCompilation _compilation = null!;
    private Compilation _generated = null!;
    private CSharpCompilation _edited = null!;
    private ImmutableArray<AdditionalText> _yaml;
    private AnalyzerConfigOptionsProvider _options = null!;
    private GeneratorDriver _ranDriver = null!;
    private DiagnosticAnalyzer _analyzer = null!;

    [Params(100, 1000, 5000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var project = SyntheticProject.Create(Nodes);
        _yaml = [new Text("/synthetic/conf/base/catalog.yml", project.Catalog), new Text("/synthetic/conf/base/parameters.yml", project.Parameters)];
        _options = new Options(ImmutableDictionary<string, string>.Empty.Add("build_property.RootNamespace", "Synthetic"));
        _compilation = CSharpCompilation.Create(
            "Synthetic",
            project.Sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, $"/synthetic/Nodes{i}.cs")),
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal static class Unrelated { public static int Answer() => 42; }", ParseOptions, "/synthetic/Unrelated.cs"));
        _analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(Load("analyzers", "Compiled.Analyzers").GetType("Compiled.Analyzers.ProjectAnalyzer", throwOnError: true)!)!;

        _ranDriver = NewDriver().RunGeneratorsAndUpdateCompilation(_compilation, out _generated, out var generatorDiagnostics);
        var problems = _generated.GetDiagnostics().Concat(generatorDiagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var analysis = Analyze();
        problems.AddRange(analysis.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The synthetic project of {Nodes} nodes is not clean:\n" + string.Join("\n", problems.Take(10)));
        }
    }

    /// <summary>A build's generator run: a new driver over the whole project.</summary>
    [Benchmark(Description = "Generate (cold driver run)")]
    public Compilation Generate()
    {
        NewDriver().RunGeneratorsAndUpdateCompilation(_compilation, out var output, out _);
        return output;
    }

    /// <summary>The analyzers as a build runs them: over the compilation with the generated code, which this compiles.</summary>
    [Benchmark(Description = "Analyze (compile + analyzers)")]
    public ImmutableArray<Diagnostic> Analyze() =>
        _generated.WithAnalyzers([_analyzer], new AnalyzerOptions(_yaml, _options)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>
    /// What the IDE does to refresh the squiggles of catalog.yml after an edit: the analyzers over that one
    /// additional file — the project model built from the whole compilation's declarations and the YAML — with
    /// no method body compiled.
    /// </summary>
    [Benchmark(Description = "Analyze catalog.yml (IDE, one file)")]
    public ImmutableArray<Diagnostic> AnalyzeCatalogFile() =>
        _generated.WithAnalyzers([_analyzer], new AnalyzerOptions(_yaml, _options)).GetAnalysisResultAsync(_yaml[0], CancellationToken.None).GetAwaiter().GetResult().GetAllDiagnostics();

    /// <summary>The same compilation's diagnostics without analyzers: what <see cref="Analyze"/> costs the compiler alone.</summary>
    [Benchmark(Description = "Compile only (no analyzers)")]
    public ImmutableArray<Diagnostic> CompileOnly() => _generated.Clone().GetDiagnostics();

    /// <summary>An unrelated edit: a driver that already ran sees one more trivial syntax tree.</summary>
    [Benchmark(Description = "Unrelated edit (warm driver re-run)")]
    public GeneratorDriver UnrelatedEdit() => _ranDriver.RunGenerators(_edited);

    private GeneratorDriver NewDriver()
    {
        var generator = (IIncrementalGenerator)Activator.CreateInstance(Load("generators", "Compiled.Generators").GetType("Compiled.Generators.CompiledGenerator", throwOnError: true)!)!;
        return CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], _yaml, ParseOptions, _options);
    }

    /// <summary>The generator or analyzer assembly from its build output, of this build's configuration.</summary>
    private static Assembly Load(string folder, string name)
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var path = Path.GetFullPath(Path.Combine(ProjectDirectory.Path, "..", "..", folder, name, "bin", configuration, "netstandard2.0", name + ".dll"));
        return AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name) ?? Assembly.LoadFrom(path);
    }

    /// <summary>The shared framework's assemblies (what a net10.0 project compiles against) and the Compiled runtime.</summary>
    private static List<MetadataReference> References()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "netstandard.dll" or "mscorlib.dll"));
        return framework.Append(typeof(NodeAttribute).Assembly.Location).Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }

    private sealed class Text(string path, string content) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(content, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options(ImmutableDictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        private static readonly Values None = new(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

        private sealed class Values(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
