extern alias generator;

using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Compiled.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;
using CompiledGenerator = generator::Compiled.Generators.CompiledGenerator;

namespace Compiled.Analyzers.Tests.Fuzz;

/// <summary>
/// Robustness: thousands of random and mutated YAML documents and random node declarations go through the
/// generator (a <see cref="CSharpGeneratorDriver"/>, as the compiler runs it) and the analyzer (through
/// <see cref="CompilationWithAnalyzers"/>: every case as a build runs it, over the whole compilation, and every
/// <see cref="IdeEvery"/>th case also file by file as the IDE does; node cases on the compilation with the
/// generated code). No exception may escape either — no CS8784/CS8785 from the generator, no AD0001 from the
/// analyzer — every diagnostic must be a Compiled one at a span inside its file, and the generated code must parse.
/// Seeded: case <c>i</c> of a kind is always the same input (its own seed), whatever ran before it. The cases run
/// in one fixed order (four YAML cases, then a node case); the first <see cref="MinimumCases"/> always run, and the
/// test fails if any of them did not; the rest, up to <see cref="YamlCases"/> + <see cref="NodeCases"/>, run while
/// the run is within <see cref="Budget"/> — a case budget with a time limit on the optional part, not a timing assertion.
/// To reproduce or search further: FUZZ_CASE=yaml:2817 (one case, or a range yaml:100-200, or cs:45),
/// FUZZ_DUMP=file (write the YAML of each case there), FUZZ_TRACE=file (log each case), FUZZ_SCALE=10 and
/// FUZZ_SECONDS=600 (ten times as many cases: the same first ones, then more).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261125;

    /// <summary>YAML cases: the sample project's C# with mutated or random catalog, parameters and globals.</summary>
    private static readonly int YamlCases = 4000 * Scale;

    /// <summary>Node cases: random node and pipeline declarations, each a new compilation, over sample or mutated YAML.</summary>
    private static readonly int NodeCases = 1000 * Scale;

    /// <summary>The first cases of the order, which always run (2,400 YAML and 600 node cases): fewer fails the test.</summary>
    private const int MinimumCases = 3000;

    /// <summary>
    /// How long the cases past <see cref="MinimumCases"/> may keep starting: all 5,000 fit in it on an idle 2-core
    /// machine (about 45 s of CPU per core); on a busy one the run stops earlier, never before the minimum.
    /// </summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(Environment.GetEnvironmentVariable("FUZZ_SECONDS") is { } seconds ? double.Parse(seconds) : 50);

    /// <summary>How long one case may run before it counts as a hang (a case takes milliseconds; minutes is not slowness).</summary>
    private static readonly TimeSpan HangAfter = TimeSpan.FromMinutes(2);

    /// <summary>Every this many cases, the analyzer also runs file by file (each YAML file, then each user C# file), as in the IDE.</summary>
    private const int IdeEvery = 4;

    private static int Scale => Environment.GetEnvironmentVariable("FUZZ_SCALE") is { } scale ? int.Parse(scale) : 1;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>
    /// The few reference assemblies the fuzzed code needs (and the Compiled runtime), loaded once: every case
    /// starts from this compilation, and binding over all of .NET's ~190 reference assemblies costs several times more.
    /// </summary>
    private static readonly CSharpCompilation Empty = CSharpCompilation.Create(
        "Fuzz",
        [],
        [
            Basic.Reference.Assemblies.Net100.References.SystemRuntime,
            Basic.Reference.Assemblies.Net100.References.SystemCollections,
            Basic.Reference.Assemblies.Net100.References.SystemThreading,
            Basic.Reference.Assemblies.Net100.References.SystemLinq,
            TestReferences.All[^1],
        ],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));

    private static readonly Options GlobalOptions = new(ImmutableDictionary<string, string>.Empty.Add("build_property.RootNamespace", "Fuzz"));

    /// <summary>One analyzer and one generator instance for every case and worker: neither keeps state between runs.</summary>
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = [new ProjectAnalyzer()];

    private static readonly ISourceGenerator Generator = new CompiledGenerator().AsSourceGenerator();

    [Fact]
    public async Task Random_and_mutated_yaml_and_nodes_never_crash_the_generator_or_the_analyzer()
    {
        var stopwatch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var failures = new ConcurrentQueue<string>();
        var ran = new int[2];
        var required = 0;
        var workers = Math.Clamp(Environment.ProcessorCount, 1, 4);

        // YAML cases run over the sample project, compiled once; each worker keeps one generator driver and re-runs it
        // with replaced additional texts, as in the IDE while the user types in a YAML file, so only the YAML steps of
        // the generator run again. Node cases are each a new compilation and a new driver.
        var project = Empty.AddSyntaxTrees(CSharpSyntaxTree.ParseText(FuzzInputs.Project, ParseOptions, "/0/Project.cs"));
        Assert.Empty(project.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var order = Order();
        var next = -1;
        var running = new (string Case, long Since)?[workers];
        var all = Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            GeneratorDriver yamlDriver = CSharpGeneratorDriver.Create([Generator], [], ParseOptions, GlobalOptions);
            while (Interlocked.Increment(ref next) is var n && n < order.Count && (n < MinimumCases || stopwatch.Elapsed < Budget))
            {
                var (yaml, i) = order[n];
                if (!Selected(yaml ? "yaml" : "cs", i)) continue;
                running[worker] = ($"{(yaml ? "yaml" : "cs")}:{i}", Stopwatch.GetTimestamp());
                if (yaml)
                {
                    var random = new Random(CaseSeed(1, i));
                    var texts = YamlFiles(random);
                    Trace($"yaml {i}");
                    yamlDriver = yamlDriver.ReplaceAdditionalTexts(texts);
                    if (Environment.GetEnvironmentVariable("FUZZ_DUMP") is { Length: > 0 } dump) File.WriteAllText(dump, Describe(texts));
                    var problem = await RunAsync(ref yamlDriver, project, texts, analyzeGenerated: false, fileByFile: i % IdeEvery == 0);
                    Trace($"yaml {i} done");
                    if (problem is not null) failures.Enqueue($"YAML case {i} (seed {Seed}):\n{problem}\n{Describe(texts)}");
                }
                else
                {
                    var random = new Random(CaseSeed(2, i));
                    var source = FuzzInputs.RandomProject(random);
                    Trace($"cs {i}");
                    var texts = random.Next(3) == 0 ? YamlFiles(random) : SampleYaml();
                    var compilation = Empty.AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, ParseOptions, "/0/Nodes.cs"));
                    GeneratorDriver driver = CSharpGeneratorDriver.Create([Generator], texts, ParseOptions, GlobalOptions);
                    var problem = await RunAsync(ref driver, compilation, texts, analyzeGenerated: true, fileByFile: i % IdeEvery == 0);
                    Trace($"cs {i} done");
                    if (problem is not null) failures.Enqueue($"C# case {i} (seed {Seed}):\n{problem}\n--- Nodes.cs\n{source}\n{Describe(texts)}");
                }

                running[worker] = null;
                Interlocked.Increment(ref ran[yaml ? 0 : 1]);
                if (n < MinimumCases) Interlocked.Increment(ref required);
            }
        })));

        // A case takes well under a second; one that runs for minutes is a hang of the generator or the analyzer (YAML
        // whose aliases expanded forever did that), which would otherwise hang the test run: report it and its reproducer.
        while (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(1))) != all)
        {
            if (running.FirstOrDefault(r => r is { } c && Stopwatch.GetElapsedTime(c.Since) > HangAfter) is { } hung)
            {
                Assert.Fail($"fuzz case {hung.Case} has run for over {HangAfter.TotalSeconds:F0} s: a hang. Reproduce with FUZZ_CASE={hung.Case} FUZZ_DUMP=case.yml");
            }
        }

        await all;

        var total = ran[0] + ran[1];
        output.WriteLine($"Fuzz (seed {Seed}): {ran[0]} YAML cases and {ran[1]} node-declaration cases = {total} cases in {stopwatch.Elapsed.TotalSeconds:F1} s " +
            $"({workers} workers; at least {MinimumCases} must run, up to {order.Count} while within {Budget.TotalSeconds:F0} s); {failures.Count} failed.");
        output.WriteLine($"generator {Timings.Generator.TotalSeconds:F1} s, analyzer {Timings.Analyzer.TotalSeconds:F1} s (summed over workers); " +
            $"CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s on {Environment.ProcessorCount} cores; load average {LoadAverage()}");
        foreach (var kind in failures.GroupBy(f => f.Split('\n')[1].Split(" at ")[0]).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"{kind.Count(),5} x {kind.Key}");
        }

        foreach (var kind in failures.GroupBy(f => f.Split('\n')[1].Split(" at ")[0]))
        {
            var first = kind.First();
            output.WriteLine("==== first of: " + kind.Key + "\n" + (first.Length > 6000 ? first.Substring(0, 6000) : first));
        }

        Assert.True(failures.IsEmpty, failures.IsEmpty ? "" : $"{failures.Count} of {total} fuzz cases failed; the first:\n{failures.First()}");
        if (Environment.GetEnvironmentVariable("FUZZ_CASE") is not { Length: > 0 })
        {
            Assert.True(required == Math.Min(MinimumCases, order.Count), $"only {required} of the first {MinimumCases} fuzz cases ran");
            Assert.True(total >= MinimumCases, $"only {total} fuzz cases ran; at least {MinimumCases} must");
        }
    }

    /// <summary>The order the cases run in: four YAML cases, then a node case, until both kinds are used up.</summary>
    private static List<(bool Yaml, int Index)> Order()
    {
        var order = new List<(bool, int)>(YamlCases + NodeCases);
        for (int yaml = 0, node = 0; yaml < YamlCases || node < NodeCases;)
        {
            for (var k = 0; k < 4 && yaml < YamlCases; k++) order.Add((true, yaml++));
            if (node < NodeCases) order.Add((false, node++));
        }

        return order;
    }

    /// <summary>Case <paramref name="index"/> of a phase always gets the same seed, in every process (unlike <see cref="HashCode"/>).</summary>
    private static int CaseSeed(int phase, int index) => unchecked((Seed * 31 + phase) * 1_000_003 + index * 7919);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>
    /// Runs the generator then the analyzer — on the compilation with the generated code, as a build does, or
    /// (for YAML cases over one C# project) on the user's code alone — and returns what went wrong, or null.
    /// </summary>
    private static Task<string?> RunAsync(ref GeneratorDriver driver, Compilation compilation, ImmutableArray<AdditionalText> texts, bool analyzeGenerated, bool fileByFile)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
            var result = driver.GetRunResult();
            Timings.AddGenerator(Stopwatch.GetElapsedTime(started));
            var thrown = result.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
            if (thrown is not null) return Task.FromResult<string?>("the generator threw: " + thrown);
            var crash = generatorDiagnostics.Concat(result.Diagnostics).FirstOrDefault(d => d.Id is "CS8784" or "CS8785");
            if (crash is not null) return Task.FromResult<string?>("generator diagnostic: " + crash);
            var unparsable = result.GeneratedTrees.SelectMany(t => t.GetDiagnostics()).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
            if (unparsable is not null) return Task.FromResult<string?>("generated code does not parse: " + unparsable + "\n" + unparsable.Location.SourceTree);
            return AnalyzeAsync(analyzeGenerated ? generated : compilation, texts, fileByFile);
        }
        catch (Exception exception)
        {
            return Task.FromResult<string?>("exception: " + exception);
        }
    }

    private static async Task<string?> AnalyzeAsync(Compilation compilation, ImmutableArray<AdditionalText> texts, bool fileByFile)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var problem = await AnalyzeCompilationAsync(compilation, texts) ?? (fileByFile ? await AnalyzeFilesAsync(compilation, texts) : null);
            Timings.AddAnalyzer(Stopwatch.GetElapsedTime(started));
            return problem;
        }
        catch (Exception exception)
        {
            return "exception while analyzing: " + exception;
        }
    }

    private static CompilationWithAnalyzers WithAnalyzer(Compilation compilation, ImmutableArray<AdditionalText> texts, ConcurrentQueue<Exception> exceptions) =>
        compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(texts, GlobalOptions), (exception, _, _) => exceptions.Enqueue(exception), concurrentAnalysis: false, logAnalyzerExecutionTime: false));

    /// <summary>Analyzes the whole compilation, as a build does: every YAML file and every symbol, in one analyzer driver.</summary>
    private static async Task<string?> AnalyzeCompilationAsync(Compilation compilation, ImmutableArray<AdditionalText> texts)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var result = await WithAnalyzer(compilation, texts, exceptions).GetAnalysisResultAsync(CancellationToken.None);
        return exceptions.IsEmpty ? Check(compilation, texts, result.GetAllDiagnostics()) : "the analyzer threw: " + exceptions.First();
    }

    /// <summary>
    /// Analyzes as the IDE does, file by file: each YAML file (additional-file actions) and each user C# file
    /// (symbol actions) — all the analyzer has — without compiling every method body of the project.
    /// </summary>
    private static async Task<string?> AnalyzeFilesAsync(Compilation compilation, ImmutableArray<AdditionalText> texts)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var analysis = WithAnalyzer(compilation, texts, exceptions);
        var diagnostics = new List<Diagnostic>();
        foreach (var text in texts)
        {
            var result = await analysis.GetAnalysisResultAsync(text, CancellationToken.None);
            diagnostics.AddRange(result.GetAllDiagnostics());
        }

        foreach (var tree in compilation.SyntaxTrees.Where(t => !t.FilePath.Contains("Compiled.Generators", StringComparison.Ordinal)))
        {
            diagnostics.AddRange(await analysis.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None));
        }

        return exceptions.IsEmpty ? Check(compilation, texts, diagnostics) : "the analyzer threw (file by file): " + exceptions.First();
    }

    /// <summary>Every diagnostic is a Compiled one, in a YAML file or C# file of this case, at a span inside that file.</summary>
    private static string? Check(Compilation compilation, ImmutableArray<AdditionalText> texts, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Id.StartsWith("CPL", StringComparison.Ordinal)) return "unexpected diagnostic: " + diagnostic;
            foreach (var location in diagnostic.AdditionalLocations.Prepend(diagnostic.Location))
            {
                var span = location.SourceSpan;
                if (location.Kind == LocationKind.ExternalFile)
                {
                    var path = location.GetLineSpan().Path;
                    var text = texts.FirstOrDefault(t => t.Path == path)?.GetText();
                    if (text is null) return $"location in '{path}', which is not an additional file of this case: {diagnostic}";
                    if (span.Start < 0 || span.End > text.Length) return $"span {span} outside '{path}' ({text.Length} chars): {diagnostic}";
                    if (location.GetLineSpan().Span != text.Lines.GetLinePositionSpan(span)) return $"lines {location.GetLineSpan().Span} are not those of span {span}: {diagnostic}";
                }
                else if (location.Kind == LocationKind.SourceFile)
                {
                    if (!compilation.ContainsSyntaxTree(location.SourceTree!)) return "location in a tree of another compilation: " + diagnostic;
                    if (span.End > location.SourceTree!.Length) return $"span {span} outside '{location.SourceTree.FilePath}': {diagnostic}";
                }
                else
                {
                    return "diagnostic without a location in a file: " + diagnostic;
                }
            }
        }

        return null;
    }

    private static ImmutableArray<AdditionalText> YamlFiles(Random random)
    {
        var files = new List<AdditionalText>
        {
            new Text("/0/conf/base/catalog.yml", FuzzInputs.Yaml(random, FuzzInputs.Catalog)),
            new Text("/0/conf/base/parameters.yml", FuzzInputs.Yaml(random, FuzzInputs.Parameters)),
        };
        if (random.Next(2) == 0) files.Add(new Text("/0/conf/base/globals.yml", FuzzInputs.Yaml(random, FuzzInputs.Globals)));
        if (random.Next(4) == 0) files.Add(new Text("/0/conf/base/catalog_extra.yml", FuzzInputs.RandomYaml(random, 0)));
        if (random.Next(6) == 0) files.Add(new Text("/0/conf/local/catalog.yml", FuzzInputs.Yaml(random, FuzzInputs.Catalog)));
        return [.. files];
    }

    private static ImmutableArray<AdditionalText> SampleYaml() =>
    [
        new Text("/0/conf/base/catalog.yml", FuzzInputs.Catalog),
        new Text("/0/conf/base/parameters.yml", FuzzInputs.Parameters),
        new Text("/0/conf/base/globals.yml", FuzzInputs.Globals),
    ];

    private static string Describe(ImmutableArray<AdditionalText> texts) =>
        string.Join("\n", texts.Select(t => $"--- {t.Path}\n{t.GetText()}"));

    /// <summary>FUZZ_CASE=yaml:2817 (or cs:45, or yaml:2801-2817) runs those cases only, to reproduce a failure.</summary>
    private static bool Selected(string phase, int index)
    {
        if (Environment.GetEnvironmentVariable("FUZZ_CASE") is not { Length: > 0 } only) return true;
        var parts = only.Split(':', '-');
        return parts[0] == phase && index >= int.Parse(parts[1]) && index <= int.Parse(parts[^1]);
    }

    private static void Trace(string line)
    {
        if (Environment.GetEnvironmentVariable("FUZZ_TRACE") is { Length: > 0 } path) File.AppendAllText(path, line + "\n");
    }

    private static class Timings
    {
        private static long _generator, _analyzer;

        public static TimeSpan Generator => TimeSpan.FromTicks(Interlocked.Read(ref _generator));

        public static TimeSpan Analyzer => TimeSpan.FromTicks(Interlocked.Read(ref _analyzer));

        public static void AddGenerator(TimeSpan elapsed) => Interlocked.Add(ref _generator, elapsed.Ticks);

        public static void AddAnalyzer(TimeSpan elapsed) => Interlocked.Add(ref _analyzer, elapsed.Ticks);
    }

    private sealed class Text(string path, string content) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(content);

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
