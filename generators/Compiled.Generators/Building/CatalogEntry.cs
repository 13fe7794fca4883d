using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>A catalog entry as written in YAML, before the nodes give it a C# type.</summary>
internal sealed record CatalogEntry(string Name, string Kind, YamlMapping Entry, FileLocation KeyLocation, string DeclaredAt)
{
    /// <summary>
    /// The entry has an error of its own (CPL0007): it is kept, as <see cref="Kind"/> (the type it most likely means, or
    /// <c>memory</c>), only so that the code using its catalog member and its pipelines' signatures still compiles; the
    /// pipelines that touch it throw, and nothing else is reported about it.
    /// </summary>
    public bool IsInvalid { get; init; }
}

/// <summary>The C# type of the value a catalog entry holds, and the node use that gave it (for diagnostics).</summary>
internal sealed record DatasetValueType(TypeRef Type, string Node, DiagnosticTarget Target);
