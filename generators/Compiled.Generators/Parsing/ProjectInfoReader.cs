using Compiled.Generators.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Compiled.Generators.Parsing;

/// <summary>Reads the consuming project's root namespace (MSBuild <c>RootNamespace</c>, made visible by Compiled's build props).</summary>
internal static class ProjectInfoReader
{
    public static ProjectInfo Read(AnalyzerConfigOptions options, string? assemblyName)
    {
        options.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        var @namespace = string.IsNullOrWhiteSpace(rootNamespace) ? assemblyName ?? "" : rootNamespace!;
        @namespace = string.Join(".", @namespace.Split('.').Select(Naming.ToPascalCase));
        var last = @namespace.Split('.').Last();
        return new ProjectInfo(@namespace, string.IsNullOrEmpty(last) || last == "_" ? "Compiled" : last);
    }
}
