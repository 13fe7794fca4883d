using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Compiled.Docs.Tests;

/// <summary>
/// Compiles the C# blocks of a document as a reader would who pastes them into a project that references Compiled,
/// Compiled.Hosting, Compiled.Cli and a Spaceflights sample: the SDK's implicit usings and the API sample when the
/// document's code builds a <c>WebApplication</c>, the console SDK's and the training sample otherwise; the running framework's
/// assemblies, and System.Text.Json's source generator (for the <c>JsonSerializerContext</c>s the docs define).
/// Each block with statements is compiled on its own, together with the document's blocks that only declare types.
/// </summary>
internal static class DocCompiler
{
    // The implicit usings of the console SDK (Microsoft.NET.Sdk), and what the web SDK adds.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private const string WebImplicitUsings = """
        global using System.Net.Http.Json;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    // The two samples compile the same project into two assemblies (the API links the inference nodes): a document about
    // serving sees the API's, every other the training project's.
    private static readonly Lazy<ImmutableArray<MetadataReference>> ConsoleReferences = new(() => References("Spaceflights.Api.dll"));

    private static readonly Lazy<ImmutableArray<MetadataReference>> WebReferences = new(() => References("Spaceflights.dll"));

    private static ImmutableArray<MetadataReference> References(string excluded) =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !Path.GetFileName(p).StartsWith("xunit", StringComparison.OrdinalIgnoreCase))
            .Where(p => !Path.GetFileName(p).Equals(excluded, StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

    private static readonly Lazy<ISourceGenerator[]> Generators = new(() =>
    {
        // The running runtime's directory is <dotnet>/shared/Microsoft.NETCore.App/<version>; its reference pack carries the generator.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnet = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var generator = Directory.EnumerateFiles(Path.Combine(dotnet, "packs", "Microsoft.NETCore.App.Ref"), "System.Text.Json.SourceGeneration.dll", SearchOption.AllDirectories)
            .Where(p => p.Replace('\\', '/').Contains("/analyzers/dotnet/cs/", StringComparison.Ordinal))
            .OrderByDescending(p => p, StringComparer.Ordinal)
            .First();
        return new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(generator, new AssemblyLoader()).GetGenerators(LanguageNames.CSharp).ToArray();
    });

    /// <summary>The errors and warnings of compiling <paramref name="block"/>, each located in the Markdown file.</summary>
    public static IReadOnlyList<string> Compile(MarkdownBlock block, IReadOnlyList<MarkdownBlock> declarations, bool web = false)
    {
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(web ? ImplicitUsings + WebImplicitUsings : ImplicitUsings, options, "ImplicitUsings.cs") };
        trees.Add(CSharpSyntaxTree.ParseText(block.Code, options, block.ToString()));
        trees.AddRange(declarations.Where(d => d != block).Select(d => CSharpSyntaxTree.ParseText(d.Code, options, d.ToString())));
        if (block.Setup is not null) trees.Add(CSharpSyntaxTree.ParseText(block.Setup, options, $"{block} setup"));
        var hasStatements = HasStatements(trees[1]);
        var compilation = CSharpCompilation.Create("DocSnippet", trees, web ? WebReferences.Value : ConsoleReferences.Value,
            new CSharpCompilationOptions(hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(Generators.Value, parseOptions: options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        return generatorDiagnostics.Concat(generated.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.WarningLevel <= 1 && d.Id.StartsWith("CS8", StringComparison.Ordinal)))
            .Select(d => Locate(d, declarations.Append(block).DistinctBy(b => b.ToString()).ToDictionary(b => b.ToString())))
            .ToList();
    }

    /// <summary>Whether the code has top-level statements (a program) rather than only declarations.</summary>
    public static bool HasStatements(SyntaxTree tree) =>
        ((CompilationUnitSyntax)tree.GetRoot()).Members.Any(m => m is GlobalStatementSyntax);

    /// <inheritdoc cref="HasStatements(SyntaxTree)"/>
    public static bool HasStatements(MarkdownBlock block) => HasStatements(CSharpSyntaxTree.ParseText(block.Code));

    /// <summary>The diagnostic at its Markdown line: <c>docs/x.md:12 (## Heading): CS0103: …</c>.</summary>
    private static string Locate(Diagnostic diagnostic, IReadOnlyDictionary<string, MarkdownBlock> blocks)
    {
        var span = diagnostic.Location.GetLineSpan();
        var line = span.StartLinePosition.Line + 1;
        var where = blocks.TryGetValue(span.Path, out var at) ? $"{at.File}:{at.Line + line} ({at.Heading})"
            : span.Path.Length > 0 ? $"{span.Path}, line {line}" : "(no location)";
        return $"{where}: {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private sealed class AssemblyLoader : Microsoft.CodeAnalysis.IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
    }
}
