using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Compiled.Generators.Tests.Infrastructure;

/// <summary>
/// Walks everything reachable from a step output through its fields (records' backing fields,
/// arrays, <c>EquatableArray</c>'s items) and reports Roslyn objects that would keep a compilation
/// alive and defeat caching: symbols, syntax, compilations, semantic models and locations.
/// Both the values found and the declared types of fields are checked, so a field that happens to
/// be null in the test project is still caught.
/// </summary>
internal static class ModelGraph
{
    private static readonly Type[] Forbidden =
    [
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxToken), typeof(SyntaxTree), typeof(SyntaxReference),
        typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(AttributeData), typeof(TypedConstant),
    ];

    /// <summary>Paths (<c>ProjectModel.Pipelines[0].Nodes…</c>) of forbidden values or fields under <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> FindRoslynObjects(object root)
    {
        var problems = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var checkedTypes = new HashSet<Type>();
        Walk(root, root.GetType().Name, visited, checkedTypes, problems);
        return problems;
    }

    /// <summary>How many objects the walk visits: guards against a walk that silently sees nothing.</summary>
    public static int CountReachable(object root)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(root, "", visited, [], []);
        return visited.Count;
    }

    private static void Walk(object? value, string path, HashSet<object> visited, HashSet<Type> checkedTypes, List<string> problems)
    {
        if (value is null) return;
        var type = value.GetType();
        if (IsForbidden(type))
        {
            problems.Add($"{path} is a {type.FullName}");
            return;
        }

        if (type.IsPrimitive || type.IsEnum || value is string or decimal) return;
        if (!type.IsValueType && !visited.Add(value)) return;
        if (type.IsValueType) visited.Add(value);

        if (value is Array array)
        {
            var i = 0;
            foreach (var item in array) Walk(item, $"{path}[{i++}]", visited, checkedTypes, problems);
            return;
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                var name = field.Name.StartsWith('<') ? field.Name[1..field.Name.IndexOf('>')] : field.Name;
                if (checkedTypes.Add(field.FieldType) && IsForbidden(field.FieldType))
                {
                    problems.Add($"{current.Name}.{name} is declared as {field.FieldType.FullName}");
                }

                Walk(field.GetValue(value), $"{path}.{name}", visited, checkedTypes, problems);
            }
        }

        if (value is IEnumerable enumerable and not IDictionary && type.Namespace?.StartsWith("System.Collections.Immutable", StringComparison.Ordinal) == true)
        {
            var i = 0;
            foreach (var item in enumerable) Walk(item, $"{path}[{i++}]", visited, checkedTypes, problems);
        }
    }

    private static bool IsForbidden(Type type)
    {
        var element = type;
        while (element.HasElementType) element = element.GetElementType()!;
        if (Nullable.GetUnderlyingType(element) is { } underlying) element = underlying;
        return Forbidden.Any(f => f.IsAssignableFrom(element)) ||
               (element.IsGenericType && element.GetGenericArguments().Any(IsForbidden));
    }
}
