using Compiled.Generators.Model;

namespace Compiled.Generators.Emit;

/// <summary>
/// A parameter value that the hot body of a pipeline's synchronous <c>Run</c> reads from a field of the pipeline: the
/// session's value, read once when the session creates the pipeline (a session's parameters never change after its
/// constructor), so that a run without parameters of its own reads one field instead of walking session → parameters
/// record → nested record → value. A run given parameters of its own reads those.
/// </summary>
/// <param name="Key">The binding it stands for: the dotted parameter path.</param>
/// <param name="Members">The member access in the parameters record, <c>Serving.Scale</c>.</param>
/// <param name="TypeName">
/// The field's type: the binding node parameters' (bindings of one path differ only in nullability, or the pipeline has a
/// CPL diagnostic and no <c>Run</c>), without <c>?</c> when one of them does not admit null, as the record's property.
/// </param>
/// <param name="Field">The pipeline's field, <c>_servingScale</c>.</param>
internal sealed record ParameterField(string Key, string Members, string TypeName, string Field)
{
    /// <summary>The key of the field that holds <paramref name="argument"/>'s value.</summary>
    public static string KeyOf(NodeArgument argument) => argument.Name;

    /// <summary>One field per parameter binding of the pipeline's nodes, in the order the nodes first bind them, named in <paramref name="fields"/>.</summary>
    public static List<ParameterField> Of(PipelineModel pipeline, UniqueNameBuilder fields)
    {
        var result = new List<ParameterField>();
        var bindings = pipeline.Nodes.SelectMany(n => n.Arguments).Where(a => a.IsBoundParameter && a.ParameterType is not null);
        foreach (var path in bindings.GroupBy(KeyOf, StringComparer.Ordinal))
        {
            var argument = path.First();
            var types = path.Select(a => a.ParameterType!).ToList();
            var type = types.FirstOrDefault(t => t.Nullability is TypeNullability.NonNullableValue or TypeNullability.NonNullableReference) ?? types[0];
            var name = "_" + Naming.ToCamelCase(string.Concat(argument.Members)).TrimStart('@');
            result.Add(new ParameterField(path.Key, string.Join(".", argument.Members), type.Name, fields.Of(path.Key, name)));
        }

        return result;
    }
}
