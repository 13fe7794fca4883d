using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Compiled.Generators.Tests.Infrastructure;

/// <summary>
/// A consuming project as the generator sees it: C# files, the YAML under <c>conf/</c> (paths like
/// <c>/project/conf/base/catalog.yml</c>) and its MSBuild <c>RootNamespace</c>.
/// </summary>
internal sealed record TestProject(
    string RootNamespace,
    ImmutableArray<(string Path, string Text)> Sources,
    ImmutableArray<(string Path, string Text)> ConfigFiles)
{
    /// <summary>Where the test projects' files live; only the <c>/conf/base/</c> part matters to the generator.</summary>
    public const string Root = "/project";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The global usings the SDK writes for <c>ImplicitUsings</c>, as every sample project has them.</summary>
    public const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    /// <summary>An empty project with the SDK's implicit usings.</summary>
    public static TestProject Create(string rootNamespace) =>
        new(rootNamespace, [($"{Root}/obj/GlobalUsings.g.cs", ImplicitUsings)], []);

    /// <summary>Adds a C# file at <c>/project/{name}</c>.</summary>
    public TestProject WithSource(string name, string text) => this with { Sources = Sources.Add(($"{Root}/{name}", text)) };

    /// <summary>Adds a YAML file at <c>/project/{relativePath}</c>, e.g. <c>conf/base/catalog.yml</c>.</summary>
    public TestProject WithConfig(string relativePath, string text) => this with { ConfigFiles = ConfigFiles.Add(($"{Root}/{relativePath}", text)) };

    /// <summary>Replaces (or adds) the YAML file at <paramref name="relativePath"/>.</summary>
    public TestProject WithConfigReplaced(string relativePath, string text) =>
        this with { ConfigFiles = ConfigFiles.RemoveAll(f => f.Path == $"{Root}/{relativePath}").Add(($"{Root}/{relativePath}", text)) };

    /// <summary>The assembly name; the generator falls back to it when RootNamespace is missing.</summary>
    public string AssemblyName => RootNamespace.Length == 0 ? "TestAssembly" : RootNamespace;

    public CSharpCompilation CreateCompilation() =>
        CSharpCompilation.Create(
            AssemblyName,
            Sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public ImmutableArray<AdditionalText> CreateAdditionalTexts() =>
        ConfigFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();

    public TestAnalyzerConfigOptionsProvider CreateOptions()
    {
        var options = ImmutableDictionary<string, string>.Empty;
        if (RootNamespace.Length > 0) options = options.Add("build_property.RootNamespace", RootNamespace);
        return new TestAnalyzerConfigOptionsProvider(options);
    }
}
