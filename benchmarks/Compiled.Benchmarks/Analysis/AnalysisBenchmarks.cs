using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
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
/// them), the analyzers over catalog.yml alone (the IDE after an edit of it), and two one-line edits re-run
/// through a driver that has already run — what the IDE does on most keystrokes: one in a file with no
/// node, one in the body of a node. Results: benchmarks/README.md, "Analysis and generation cost (issue #4)".
/// </summary>
/// <remarks>
/// Every benchmark starts from a compilation no earlier invocation has bound (a clone, or the fork that
/// <see cref="CompilationWithAnalyzers"/> makes), as after a real edit: otherwise the symbols and attributes
/// bound by the first invocation would be free for the next. The generator and the analyzers are loaded from
/// their build output (generators/…/bin and analyzers/…/bin of the benchmark's configuration): this project
/// consumes them as analyzers, not as references.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(LongRunsInProcess))]
public class AnalysisBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private CSharpCompilation _compilation = null!;
    private Compilation _generated = null!;
    private CSharpCompilation _editedHelper = null!;
    private CSharpCompilation _editedNode = null!;
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
            project.Sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, "/synthetic/" + source.File)),
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _editedHelper = Edit(_compilation, SyntheticProject.HelperEdit);
        _editedNode = Edit(_compilation, SyntheticProject.NodeBodyEdit);
        _analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(Load("analyzers", "Compiled.Analyzers").GetType("Compiled.Analyzers.ProjectAnalyzer", throwOnError: true)!)!;

        _ranDriver = NewDriver().RunGeneratorsAndUpdateCompilation(_compilation, out _generated, out var generatorDiagnostics);
        var problems = _generated.GetDiagnostics().Concat(generatorDiagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var analysis = Analyze();
        problems.AddRange(analysis.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The synthetic project of {Nodes} nodes is not clean:\n" + string.Join("\n", problems.Take(10)));
        }

        // The edits must take the incremental path the benchmarks claim: the project model is unchanged, nothing is emitted again.
        foreach (var (name, edited) in new[] { ("helper", _editedHelper), ("node body", _editedNode) })
        {
            var tracking = NewDriver(track: true).RunGenerators(_compilation).RunGenerators(edited.Clone()).GetRunResult().Results[0];
            var rerun = tracking.TrackedSteps["Project"].Concat(tracking.TrackedOutputSteps.SelectMany(step => step.Value))
                .SelectMany(step => step.Outputs).Where(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).ToList();
            if (rerun.Count > 0 || tracking.Exception is not null)
            {
                throw new InvalidOperationException($"The {name} edit re-ran the project model or the emit ({string.Join(", ", rerun.Select(o => o.Reason))}) {tracking.Exception}");
            }
        }
    }

    /// <summary>A build's generator run: a new driver over the whole project, in a compilation nothing has bound yet.</summary>
    [Benchmark(Description = "Generate (cold driver run)")]
    public Compilation Generate()
    {
        NewDriver().RunGeneratorsAndUpdateCompilation(_compilation.Clone(), out var output, out _);
        return output;
    }

    /// <summary>The analyzers as a build runs them: over the compilation with the generated code, which this compiles.</summary>
    [Benchmark(Description = "Analyze (compile + analyzers)")]
    public ImmutableArray<Diagnostic> Analyze() =>
        _generated.WithAnalyzers([_analyzer], AnalysisOptions()).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>
    /// What the IDE does to refresh the squiggles of catalog.yml after an edit: the analyzers over that one
    /// additional file — the project model built from the whole compilation's declarations and the YAML — with
    /// no method body compiled.
    /// </summary>
    [Benchmark(Description = "Analyze catalog.yml (IDE, one file)")]
    public ImmutableArray<Diagnostic> AnalyzeCatalogFile() =>
        _generated.WithAnalyzers([_analyzer], AnalysisOptions()).GetAnalysisResultAsync(_yaml[0], CancellationToken.None).GetAwaiter().GetResult().GetAllDiagnostics();

    /// <summary>The same compilation's diagnostics without analyzers: what <see cref="Analyze"/> costs the compiler alone.</summary>
    [Benchmark(Description = "Compile only (no analyzers)")]
    public ImmutableArray<Diagnostic> CompileOnly() => _generated.Clone().GetDiagnostics();

    /// <summary>An unrelated one-line edit, in a file with no node: the driver that already ran re-runs on the new compilation.</summary>
    [Benchmark(Description = "One-line edit, file without nodes (warm driver)")]
    public GeneratorDriver UnrelatedEdit() => _ranDriver.RunGenerators(_editedHelper.Clone());

    /// <summary>A one-line edit in the body of a node (its signature and attributes unchanged): that file's nodes are parsed again, nothing else runs.</summary>
    [Benchmark(Description = "One-line edit, node body (warm driver)")]
    public GeneratorDriver NodeBodyEdit() => _ranDriver.RunGenerators(_editedNode.Clone());

    /// <summary>As a build runs analyzers (no execution-time logging, which only <c>-reportanalyzer</c> turns on).</summary>
    private CompilationWithAnalyzersOptions AnalysisOptions() =>
        new(new AnalyzerOptions(_yaml, _options), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);

    /// <summary>The compilation after one line of one file changed: that tree is replaced, every other tree is the same object.</summary>
    private static CSharpCompilation Edit(CSharpCompilation compilation, (string File, string Before, string After) edit)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "/synthetic/" + edit.File);
        var text = tree.GetText();
        var at = text.ToString().IndexOf(edit.Before, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"'{edit.Before}' is not in {edit.File}");
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, edit.Before.Length), edit.After))));
    }

    private GeneratorDriver NewDriver(bool track = false)
    {
        var generator = (IIncrementalGenerator)Activator.CreateInstance(Load("generators", "Compiled.Generators").GetType("Compiled.Generators.CompiledGenerator", throwOnError: true)!)!;
        return CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], _yaml, ParseOptions, _options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));
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

    /// <summary>
    /// In process (the analyzers and generator are loaded from their bin folders into this process), with room for
    /// long invocations: compiling the 5,000-node project takes about a minute on a busy 2-core machine, and the
    /// in-process toolchain otherwise gives up after 5 minutes per benchmark.
    /// </summary>
    private sealed class LongRunsInProcess : ManualConfig
    {
        public LongRunsInProcess() => AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: true)).AsMutator());
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
