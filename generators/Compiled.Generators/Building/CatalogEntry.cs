using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>A catalog entry as written in YAML, before the nodes give it a C# type.</summary>
internal sealed record CatalogEntry(string Name, string Kind, YamlMapping Entry, FileLocation KeyLocation, string DeclaredAt);

/// <summary>The C# type of the value a catalog entry holds, and the node use that gave it (for diagnostics).</summary>
internal sealed record DatasetValueType(TypeRef Type, string Node, DiagnosticTarget Target);
