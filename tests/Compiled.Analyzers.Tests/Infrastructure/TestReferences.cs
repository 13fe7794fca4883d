using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Compiled.Analyzers.Tests.Infrastructure;

/// <summary>
/// What every test compilation references: the .NET 10 reference assemblies (Basic.Reference.Assemblies;
/// <c>ReferenceAssemblies.Net.Net100</c> cannot be resolved offline) and the Compiled runtime for its attributes.
/// </summary>
internal static class TestReferences
{
    /// <summary>A target framework with no package to download: the references come from <see cref="All"/>.</summary>
    public static readonly ReferenceAssemblies None = new("net10.0");

    public static readonly ImmutableArray<MetadataReference> All =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(Compiled.NodeAttribute).Assembly.Location),
    ];
}
