using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Compiled.Generators.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="CompiledGenerator"/> over a <see cref="TestProject"/> the way the compiler does:
/// C# sources, YAML as additional texts, <c>build_property.RootNamespace</c> as a global option,
/// with step tracking on so that tests can read the project model and check caching.
/// </summary>
internal static class GeneratorHarness
{
    public static GeneratorDriver CreateDriver(TestProject project) => CreateDriver(project, project.CreateAdditionalTexts());

    /// <summary>A driver over the given additional-text instances (keep them to replace one later: the driver matches by identity).</summary>
    public static GeneratorDriver CreateDriver(TestProject project, ImmutableArray<AdditionalText> additionalTexts) =>
        CSharpGeneratorDriver.Create(
            [new CompiledGenerator().AsSourceGenerator()],
            additionalTexts,
            TestProject.ParseOptions,
            project.CreateOptions(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Generates for <paramref name="project"/> with a new driver.</summary>
    public static GeneratorRun Run(TestProject project) => Run(CreateDriver(project), project.CreateCompilation());

    /// <summary>Generates with <paramref name="driver"/> (a driver that already ran, for caching tests) over <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        var failures = result.Results.Where(r => r.Exception is not null).Select(r => r.Exception!.ToString()).ToList();
        Assert.True(failures.Count == 0, "The generator threw:\n" + string.Join("\n", failures));
        return new GeneratorRun(driver, result, compilation, output, diagnostics);
    }
}
