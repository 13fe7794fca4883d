using System.Collections.Immutable;
using Compiled.Generators.Model;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Compiled.Generators.Tests.Infrastructure;

/// <summary>What one run of the generator produced: sources, the compilation with them, and the tracked steps.</summary>
internal sealed class GeneratorRun(
    GeneratorDriver driver,
    GeneratorDriverRunResult result,
    Compilation inputCompilation,
    Compilation outputCompilation,
    ImmutableArray<Diagnostic> generatorDiagnostics)
{
    private readonly Lazy<ImmutableArray<Diagnostic>> _diagnostics = new(() => outputCompilation.GetDiagnostics());

    public GeneratorDriver Driver { get; } = driver;

    public GeneratorDriverRunResult Result { get; } = result;

    public Compilation InputCompilation { get; } = inputCompilation;

    public Compilation OutputCompilation { get; } = outputCompilation;

    /// <summary>Diagnostics the driver reported (CS8785 when a generator throws); the generator itself reports none.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; } = generatorDiagnostics;

    public GeneratorRunResult Generator => Assert.Single(Result.Results);

    /// <summary>The generated files by hint name (<c>MiniFlightsCatalog.g.cs</c>), with <c>\n</c> line endings.</summary>
    public ImmutableSortedDictionary<string, string> Sources => Generator.GeneratedSources
        .ToImmutableSortedDictionary(s => s.HintName, s => s.SourceText.ToString().Replace("\r\n", "\n"), StringComparer.Ordinal);

    /// <summary>The generated file <paramref name="hintName"/>; fails listing the files there are when it is missing.</summary>
    public string Source(string hintName) =>
        Sources.TryGetValue(hintName, out var text)
            ? text
            : throw new Xunit.Sdk.XunitException($"No generated file '{hintName}'. Generated: {string.Join(", ", Sources.Keys)}");

    /// <summary>The project model: the output of the tracked <c>Project</c> step.</summary>
    public ProjectModel Project
    {
        get
        {
            var step = Assert.Single(Generator.TrackedSteps[TrackingNames.Project]);
            return Assert.IsType<ProjectModel>(Assert.Single(step.Outputs).Value);
        }
    }

    /// <summary>Errors and warnings of the output compilation (user code plus generated code), computed once.</summary>
    public ImmutableArray<Diagnostic> CompilationDiagnostics =>
        _diagnostics.Value.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    /// <summary>Fails with each error and the generated line it is on unless the output compilation has no errors.</summary>
    public GeneratorRun AssertCompiles()
    {
        var errors = _diagnostics.Value.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The output compilation has errors:\n" + string.Join("\n", errors.Select(Describe)));
        return this;
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var line = diagnostic.Location.IsInSource
            ? diagnostic.Location.SourceTree!.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim()
            : "";
        return $"{diagnostic}\n    > {line}";
    }
}
