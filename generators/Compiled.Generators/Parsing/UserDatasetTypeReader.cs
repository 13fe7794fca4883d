using Compiled.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Compiled.Generators.Parsing;

/// <summary>
/// Resolves catalog <c>type:</c> values that name C# types: each must implement <c>IDataset&lt;T&gt;</c>
/// and have <c>public static … FromConfig(Compiled.Config.DatasetConfig)</c>, as the built-in datasets do.
/// </summary>
internal static class UserDatasetTypeReader
{
    private const string DatasetInterface = "Compiled.IDataset`1";

    public static EquatableArray<UserDatasetType> Read(IEnumerable<ConfigFileModel> files, Compilation compilation)
    {
        var names = files
            .Where(f => f.Kind == ConfigFileKind.Catalog && f.Content is not null)
            .SelectMany(f => f.Content!.Entries)
            .Select(e => ((e.Value as YamlMapping)?["type"] as YamlScalar)?.Value)
            .Where(t => t is not null && t.IndexOf('.') >= 0 && Compiled.Config.KedroCatalogNames.KindOf(t) is null) // pandas.CSVDataset is a built-in type
            .Distinct(StringComparer.Ordinal)
            .OrderBy(t => t, StringComparer.Ordinal);
        var dataset = compilation.GetTypeByMetadataName(DatasetInterface);
        return names.Select(name => Resolve(name!, compilation, dataset)).ToEquatableArray();
    }

    private static UserDatasetType Resolve(string name, Compilation compilation, INamedTypeSymbol? dataset)
    {
        var type = compilation.GetTypeByMetadataName(name) ?? compilation.GetTypeByMetadataName(name + "`1");
        if (type is null || dataset is null)
        {
            return new UserDatasetType(name, null, false, null, $"names no type of this compilation (write the full name, e.g. MyProject.Datasets.MyDataset)");
        }

        var typeName = SymbolNames.Type(type.OriginalDefinition);
        if (type.IsGenericType) typeName = typeName.Substring(0, typeName.IndexOf('<'));
        var implemented = type.AllInterfaces.FirstOrDefault(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, dataset));
        if (implemented is null)
        {
            return new UserDatasetType(name, typeName, false, null, $"names '{type.ToDisplayString()}', which does not implement Compiled.IDataset<T>");
        }

        var hasFactory = type.GetMembers("FromConfig").OfType<IMethodSymbol>().Any(m =>
            m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && m.Parameters.Length == 1 &&
            m.Parameters[0].Type.ToDisplayString() == "Compiled.Config.DatasetConfig");
        if (!hasFactory)
        {
            return new UserDatasetType(name, typeName, false, null,
                $"names '{type.ToDisplayString()}', which needs a 'public static {type.Name} FromConfig(Compiled.Config.DatasetConfig config)' method");
        }

        if (type.IsGenericType)
        {
            return type.TypeParameters.Length == 1 && SymbolEqualityComparer.Default.Equals(implemented.TypeArguments[0], type.TypeParameters[0])
                ? new UserDatasetType(name, typeName, true, null, null)
                : new UserDatasetType(name, typeName, false, null, $"names '{type.ToDisplayString()}': a generic dataset must have one type parameter T and implement IDataset<T>");
        }

        return new UserDatasetType(name, typeName, false, SymbolNames.TypeRef(implemented.TypeArguments[0]), null);
    }
}
