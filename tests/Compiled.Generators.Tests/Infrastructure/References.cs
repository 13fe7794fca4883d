using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Compiled.Generators.Tests.Infrastructure;

/// <summary>
/// The metadata references of an in-memory consuming project: the .NET 10 reference assemblies
/// (Basic.Reference.Assemblies.Net100), the Compiled runtime, and the runtime's own non-framework
/// dependencies (YamlDotNet, CsvHelper, logging abstractions) that its public API may surface.
/// </summary>
internal static class References
{
    public static ImmutableArray<MetadataReference> All { get; } = Create();

    private static ImmutableArray<MetadataReference> Create()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var runtime = typeof(global::Compiled.Session).Assembly;
        var references = new List<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All)
        {
            MetadataReference.CreateFromFile(runtime.Location),
        };
        foreach (var name in runtime.GetReferencedAssemblies())
        {
            // Framework assemblies come from the reference assemblies above, never from the shared runtime.
            var location = Assembly.Load(name).Location;
            if (location.Length == 0 || Path.GetDirectoryName(location) == frameworkDirectory) continue;
            references.Add(MetadataReference.CreateFromFile(location));
        }

        return references.ToImmutableArray();
    }
}
