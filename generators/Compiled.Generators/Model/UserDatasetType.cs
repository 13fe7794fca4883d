namespace Compiled.Generators.Model;

/// <summary>
/// A C# type named as a catalog entry's <c>type:</c> (a project's own dataset), as found in the compilation.
/// </summary>
/// <param name="Name">The name as written in YAML.</param>
/// <param name="TypeName">The type, <c>global::</c>-qualified, without type arguments; null when not found.</param>
/// <param name="IsGeneric">The type takes the node's C# type as its one type argument (<c>MyDataset&lt;T&gt; : IDataset&lt;T&gt;</c>).</param>
/// <param name="DataType">For non-generic types, the <c>T</c> of the <c>IDataset&lt;T&gt;</c> it implements: what it loads and saves.</param>
/// <param name="Problem">Why the type cannot be used, or null.</param>
internal sealed record UserDatasetType(string Name, string? TypeName, bool IsGeneric, TypeRef? DataType, string? Problem);
