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

    public static DiagnosticResult Diagnostic(string id) => new(id, id == "CPL0009" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error);

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
