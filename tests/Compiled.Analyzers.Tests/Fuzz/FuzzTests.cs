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
/// <see cref="CompilationWithAnalyzers"/>, file by file as the IDE does; for node cases on the compilation with
/// the generated code). No exception may escape either — no CS8784/CS8785 from the generator, no AD0001 from
/// the analyzer — every diagnostic must be a Compiled one at a span inside its file, and the generated code
/// must parse. Seeded: case <c>i</c> of a phase is always the same input, whatever ran before it.
/// To reproduce or search further: FUZZ_CASE=yaml:2817 (one case, or a range yaml:100-200), FUZZ_DUMP=file
/// (write the YAML of each case there), FUZZ_TRACE=file (log each case), FUZZ_SCALE/FUZZ_SECONDS (a longer run).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261125;

    /// <summary>
    /// The cases run unless the time budget ends first: YAML cases get 60 % of it, node cases the rest. A slow or
    /// busy machine runs fewer cases, in the same order (about 2,000 in the budget on an idle 2-core machine).
    /// </summary>
    private static readonly int YamlCases = 2000 * Scale;

    private static readonly int NodeCases = 1000 * Scale;

    /// <summary>FUZZ_SCALE=10 FUZZ_SECONDS=600 runs a ten times longer search (the same first cases, then more).</summary>
    private static int Scale => Environment.GetEnvironmentVariable("FUZZ_SCALE") is { } scale ? int.Parse(scale) : 1;

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(Environment.GetEnvironmentVariable("FUZZ_SECONDS") is { } seconds ? double.Parse(seconds) : 45);

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>
    /// The few reference assemblies the fuzzed code needs (and the Compiled runtime): every case is a new
    /// compilation, and binding one over all of .NET's ~190 reference assemblies costs several times more.
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
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static readonly Options GlobalOptions = new(ImmutableDictionary<string, string>.Empty.Add("build_property.RootNamespace", "Fuzz"));

    [Fact]
    public async Task Random_and_mutated_yaml_and_nodes_never_crash_the_generator_or_the_analyzer()
    {
        var stopwatch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var failures = new ConcurrentQueue<string>();
        var ran = new int[2];

        // YAML: the sample project with mutated catalog, parameters and globals. One driver per worker is re-run
        // with replaced additional texts, as the IDE does while the user types in a YAML file.
        var project = Empty.AddSyntaxTrees(CSharpSyntaxTree.ParseText(FuzzInputs.Project, ParseOptions, "/0/Project.cs"));
        Assert.Empty(project.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        await Task.WhenAll(Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
        {
            GeneratorDriver? driver = null;
            for (var i = worker; i < YamlCases && stopwatch.Elapsed < Budget * 0.6; i += 2)
            {
                if (!Selected("yaml", i)) continue;
                var random = new Random(HashCode.Combine(Seed, 1, i));
                var texts = YamlFiles(random);
                Trace($"yaml {i}");
                driver ??= CSharpGeneratorDriver.Create([new CompiledGenerator().AsSourceGenerator()], texts, ParseOptions, GlobalOptions);
                driver = driver.ReplaceAdditionalTexts(texts);
                if (Environment.GetEnvironmentVariable("FUZZ_DUMP") is { Length: > 0 } dump) File.WriteAllText(dump, Describe(texts));
                var problem = await RunAsync(ref driver, project, texts, analyzeGenerated: false);
                Trace($"yaml {i} done");
                if (problem is not null) failures.Enqueue($"YAML case {i} (seed {Seed}):\n{problem}\n{Describe(texts)}");
                Interlocked.Increment(ref ran[0]);
            }
        })));

        // C#: random node and pipeline declarations over the sample YAML or mutated YAML, each a new compilation and driver.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < NodeCases && stopwatch.Elapsed < Budget; i += 2)
            {
                if (!Selected("cs", i)) continue;
                var random = new Random(HashCode.Combine(Seed, 2, i));
                var source = FuzzInputs.RandomProject(random);
                Trace($"cs {i}");
                var texts = random.Next(3) == 0 ? YamlFiles(random) : SampleYaml();
                var compilation = Empty.AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, ParseOptions, "/0/Nodes.cs"));
                GeneratorDriver driver = CSharpGeneratorDriver.Create([new CompiledGenerator().AsSourceGenerator()], texts, ParseOptions, GlobalOptions);
                var problem = await RunAsync(ref driver, compilation, texts, analyzeGenerated: true);
                if (problem is not null) failures.Enqueue($"C# case {i} (seed {Seed}):\n{problem}\n--- Nodes.cs\n{source}\n{Describe(texts)}");
                Interlocked.Increment(ref ran[1]);
            }
        })));

        output.WriteLine($"Fuzz (seed {Seed}): {ran[0]} YAML cases and {ran[1]} node-declaration cases = {ran[0] + ran[1]} in {stopwatch.Elapsed.TotalSeconds:F1} s; {failures.Count} failed.");
        output.WriteLine($"generator {Timings.Generator.TotalSeconds:F1} s, analyzer {Timings.Analyzer.TotalSeconds:F1} s (summed over workers); " +
            $"CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s for {Environment.ProcessorCount} cores");
        foreach (var kind in failures.GroupBy(f => f.Split('\n')[1].Split(" at ")[0]).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"{kind.Count(),5} x {kind.Key}");
        }

        foreach (var kind in failures.GroupBy(f => f.Split('\n')[1].Split(" at ")[0]))
        {
            var first = kind.First();
            output.WriteLine("==== first of: " + kind.Key + "\n" + (first.Length > 6000 ? first.Substring(0, 6000) : first));
        }

        Assert.True(failures.IsEmpty, failures.IsEmpty ? "" : $"{failures.Count} of {ran[0] + ran[1]} fuzz cases failed; the first:\n{failures.First()}");
        Assert.True(Environment.GetEnvironmentVariable("FUZZ_CASE") is { Length: > 0 } || (ran[0] >= 100 && ran[1] >= 50), $"too few cases ran in the time budget: {ran[0]} YAML, {ran[1]} C#");
    }

    /// <summary>
    /// Runs the generator then the analyzer — on the compilation with the generated code, as a build does, or
    /// (cheaper, for YAML cases over one C# project) on the user's code alone; returns what went wrong, or null.
    /// </summary>
    private static Task<string?> RunAsync(ref GeneratorDriver driver, Compilation compilation, ImmutableArray<AdditionalText> texts, bool analyzeGenerated)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
            Timings.AddGenerator(Stopwatch.GetElapsedTime(started));
            var result = driver.GetRunResult();
            var thrown = result.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
            if (thrown is not null) return Task.FromResult<string?>("the generator threw: " + thrown);
            var crash = generatorDiagnostics.FirstOrDefault(d => d.Id is "CS8784" or "CS8785");
            if (crash is not null) return Task.FromResult<string?>("generator diagnostic: " + crash);
            var unparsable = result.GeneratedTrees.SelectMany(t => t.GetDiagnostics()).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
            if (unparsable is not null) return Task.FromResult<string?>("generated code does not parse: " + unparsable + "\n" + unparsable.Location.SourceTree);
            return AnalyzeAsync(analyzeGenerated ? generated : compilation, texts);
        }
        catch (Exception exception)
        {
            return Task.FromResult<string?>("exception: " + exception);
        }
    }

    private static async Task<string?> AnalyzeAsync(Compilation compilation, ImmutableArray<AdditionalText> texts)
    {
        try
        {
            return await AnalyzeFilesAsync(compilation, texts);
        }
        catch (Exception exception)
        {
            return "exception while analyzing: " + exception;
        }
    }

    /// <summary>
    /// Analyzes as the IDE does, file by file: each YAML file (additional-file actions) and each user C# file
    /// (symbol actions) — all the analyzer has — without compiling every method body of the project.
    /// </summary>
    private static async Task<string?> AnalyzeFilesAsync(Compilation compilation, ImmutableArray<AdditionalText> texts)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(texts, GlobalOptions), (exception, _, _) => exceptions.Enqueue(exception), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var started = Stopwatch.GetTimestamp();
        var analyzer = new ProjectAnalyzer();
        var analysis = compilation.WithAnalyzers([analyzer], options);
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

        Timings.AddAnalyzer(Stopwatch.GetElapsedTime(started));
        if (!exceptions.IsEmpty) return "the analyzer threw: " + exceptions.First();
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Id.StartsWith("CPL", StringComparison.Ordinal)) return "unexpected diagnostic: " + diagnostic;
            var location = diagnostic.Location;
            if (location.Kind == LocationKind.ExternalFile)
            {
                var text = texts.First(t => t.Path == location.GetLineSpan().Path).GetText()!;
                var span = location.SourceSpan;
                if (span.Start < 0 || span.End > text.Length) return $"span {span} outside '{location.GetLineSpan().Path}' ({text.Length} chars): {diagnostic}";
                var lines = location.GetLineSpan();
                if (lines.StartLinePosition.Line >= text.Lines.Count + 1) return "line outside the file: " + diagnostic;
            }
            else if (location.Kind != LocationKind.SourceFile)
            {
                return "diagnostic without a location in a file: " + diagnostic;
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
