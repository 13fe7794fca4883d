namespace Compiled.Generators.Model;

/// <summary>
/// A dotted parameter path a <c>--params</c> override can set, as typed data that <c>Emit/ParameterOverrideText.cs</c> writes
/// as an arm of the parameters record's <c>WithOverride</c>: the text parsed into the leaf's type and copied into the
/// record along <see cref="Setter"/>, then the runtime params (<see cref="RuntimeTargets"/>) this path is the key of.
/// </summary>
/// <param name="Setter">How the path's own leaf is set; null for a runtime params key that is not itself a path.</param>
/// <param name="RuntimeTargets">The parameters whose YAML says <c>${runtime_params:path}</c>, set after the leaf.</param>
internal sealed record ParameterOverrideModel(string Path, OverrideSetter? Setter, EquatableArray<RuntimeParameterTarget> RuntimeTargets);

/// <summary>Sets a leaf: <c>this with { A = A with { B = parse } }</c> for the property <see cref="Chain"/> A.B.</summary>
internal sealed record OverrideSetter(EquatableArray<string> Chain, TextParse Parse);

/// <summary>How an override's text becomes a value of the leaf's type.</summary>
internal abstract record TextParse;

/// <summary>A scalar (<see cref="ShapeKind"/> Boolean … Enum, or String: the text as it is).</summary>
/// <param name="TypeName">The type's <c>global::</c> name without <c>?</c> (an enum's is its parse's type argument).</param>
/// <param name="IsNullable">The type admits null: the text <c>null</c> sets null.</param>
internal sealed record ScalarParse(ShapeKind Kind, string TypeName, bool IsNullable) : TextParse;

/// <summary>A list (<c>[a, b]</c> or <c>a,b</c>) of scalars, into an array (or read-only interface) or a <c>List&lt;T&gt;</c>.</summary>
internal sealed record ArrayParse(ScalarParse Element, string ElementType, CollectionKind Collection) : TextParse;

/// <summary>A parameter set from a runtime params key: its path, and the text around the key's value.</summary>
internal sealed record RuntimeParameterTarget(string Path, string Prefix, string Suffix);
