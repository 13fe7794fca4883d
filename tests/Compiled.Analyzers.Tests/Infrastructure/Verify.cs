using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Compiled.Analyzers.Tests.Infrastructure;

/// <summary>
/// Analyzer tests over one C# file (<c>/0/Test0.cs</c>) and YAML additional files at paths like
/// <c>/0/conf/base/catalog.yml</c>. Expected diagnostics are written as markup in both:
/// <c>{|CPL0001:"rwa"|}</c>, or <c>{|#0:…|}</c> with a <see cref="DiagnosticResult"/> for several locations.
/// </summary>
internal static class Verify
{
    public const string Catalog = "/0/conf/base/catalog.yml";
    public const string Parameters = "/0/conf/base/parameters.yml";
    public const string Globals = "/0/conf/base/globals.yml";

    public static Task AnalyzerAsync(string source, params (string Path, string Text)[] yaml) =>
        AnalyzerAsync(source, yaml, []);

    public static Task AnalyzerAsync(string source, (string Path, string Text)[] yaml, DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = source };
        foreach (var file in yaml) test.TestState.AdditionalFiles.Add(file);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Applies <typeparamref name="TCodeFix"/> (the action with <paramref name="equivalenceKey"/>) to the
    /// diagnostics marked in <paramref name="source"/> and compares every C# and YAML file with the fixed ones.
    /// </summary>
    public static Task CodeFixAsync<TCodeFix>(
        string source, (string Path, string Text)[] yaml, string fixedSource, (string Path, string Text)[] fixedYaml, string? equivalenceKey = null)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CodeFixTest<TCodeFix> { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        foreach (var file in yaml) test.TestState.AdditionalFiles.Add(file);
        foreach (var file in fixedYaml) test.FixedState.AdditionalFiles.Add(file);
        return test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(string id) => new(id, id is "CPL0009" or "CPL0018" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error);

    public sealed class AnalyzerTest : CSharpAnalyzerTest<ProjectAnalyzer, DefaultVerifier>
    {
        public AnalyzerTest()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
        }
    }

    public sealed class CodeFixTest<TCodeFix> : CSharpCodeFixTest<ProjectAnalyzer, TCodeFix, DefaultVerifier>
        where TCodeFix : CodeFixProvider, new()
    {
        public CodeFixTest()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
        }
    }
}
