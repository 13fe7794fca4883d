using Compiled.Generators.Model;

namespace Compiled.Generators.Emit;

/// <summary>
/// How generated code names a pipeline's typed remote values (<see cref="RemoteValuesModel"/>): one value as itself,
/// several as a tuple (<c>(global::A, global::B)</c>, read back as <c>.Item1</c>, <c>.Item2</c>…).
/// </summary>
internal static class RemoteValuesText
{
    /// <summary>The type the runtime inputs travel as.</summary>
    public static string InputsType(RemoteValuesModel values) => TupleType(values.Inputs);

    /// <summary>The type the outputs travel as.</summary>
    public static string OutputsType(RemoteValuesModel values) => TupleType(values.Outputs);

    /// <summary><c>global::Compiled.IRemoteRunContract&lt;Self, Inputs, Outputs&gt;</c>.</summary>
    public static string Contract(string self, RemoteValuesModel values) =>
        $"global::Compiled.IRemoteRunContract<{self}, {InputsType(values)}, {OutputsType(values)}>";

    /// <summary>Value <paramref name="index"/> of <paramref name="count"/> held in <paramref name="travelling"/>: itself alone, or its tuple's item.</summary>
    public static string Item(string travelling, int index, int count) => count == 1 ? travelling : $"{travelling}.Item{index + 1}";

    /// <summary>The expression that makes the travelling value of <paramref name="values"/>: the value alone, or their tuple.</summary>
    public static string Tuple(IReadOnlyList<string> values) => values.Count == 1 ? values[0] : "(" + string.Join(", ", values) + ")";

    /// <summary>The question a transport answers before it carries the values typed: <c>types.CanCarry&lt;A&gt;() &amp;&amp; …</c>, inputs then outputs.</summary>
    public static string CanCarry(RemoteValuesModel values, string types) =>
        string.Join(" && ", values.Inputs.Concat(values.Outputs).Select(type => type.UnannotatedName).Distinct().Select(type => $"{types}.CanCarry<{type}>()"));

    private static string TupleType(EquatableArray<TypeRef> types) =>
        types.Count == 1 ? types[0].Name : "(" + string.Join(", ", types.Select(t => t.Name)) + ")";
}
