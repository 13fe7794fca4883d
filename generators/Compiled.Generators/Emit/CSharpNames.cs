using Compiled.Generators.Model;

namespace Compiled.Generators.Emit;

/// <summary>The C# names every emitter writes the same way: qualified type names and catalog members.</summary>
internal static class CSharpNames
{
    /// <summary><c>global::Ns.Name</c>, or <c>global::Name</c> in the global namespace.</summary>
    public static string Qualified(string? @namespace, string name) =>
        string.IsNullOrEmpty(@namespace) ? "global::" + name : $"global::{@namespace}.{name}";

    /// <summary>
    /// The catalog member that gives <paramref name="entry"/>'s dataset: its property (<c>Companies</c>), or for an entry that
    /// uses <c>${runtime:…}</c> values, its method called with each value's expression (<c>Orders(region)</c>).
    /// </summary>
    public static string CatalogMember(CatalogEntryModel entry, Func<RuntimeValueModel, string> value) =>
        entry.RuntimeValues.IsEmpty ? entry.PropertyName : $"{entry.PropertyName}({string.Join(", ", entry.RuntimeValues.Select(value))})";
}
