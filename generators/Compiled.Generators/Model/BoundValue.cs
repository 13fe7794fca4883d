namespace Compiled.Generators.Model;

/// <summary>
/// A value of <c>conf/base/parameters*.yml</c> bound to its C# type at compile time, as typed data: Building produces it,
/// <c>Emit/BoundValueText.cs</c> writes it as a C# expression (the parameters record's <c>Default</c>).
/// </summary>
internal abstract record BoundValue;

/// <summary><c>null</c>: a YAML null bound to a type that admits it.</summary>
internal sealed record NullValue : BoundValue
{
    public static readonly NullValue Instance = new();
}

/// <summary>A value that did not bind (its CPL diagnostic is reported): <c>default!</c>, so that the record still compiles.</summary>
internal sealed record UnboundValue : BoundValue
{
    public static readonly UnboundValue Instance = new();
}

/// <summary>A <c>string</c>.</summary>
internal sealed record StringValue(string Value) : BoundValue;

/// <summary>A <c>bool</c>.</summary>
internal sealed record BooleanValue(bool Value) : BoundValue;

/// <summary>An <c>int</c>.</summary>
internal sealed record Int32Value(int Value) : BoundValue;

/// <summary>A <c>long</c>.</summary>
internal sealed record Int64Value(long Value) : BoundValue;

/// <summary>A <c>double</c>, infinities and NaN included.</summary>
internal sealed record DoubleValue(double Value) : BoundValue;

/// <summary>A <c>float</c>, infinities and NaN included.</summary>
internal sealed record SingleValue(float Value) : BoundValue;

/// <summary>A <c>decimal</c>.</summary>
internal sealed record DecimalValue(decimal Value) : BoundValue;

/// <summary>A member of an enum.</summary>
/// <param name="EnumType">The enum's <c>global::</c> name, without <c>?</c>.</param>
internal sealed record EnumValue(string EnumType, string Member) : BoundValue;

/// <summary>An array (<see cref="CollectionKind.Array"/>, also for a read-only interface) or a <c>List&lt;T&gt;</c> of <see cref="Items"/>.</summary>
internal sealed record CollectionValue(CollectionKind Collection, string ElementType, EquatableArray<BoundValue> Items) : BoundValue;

/// <summary>An empty array of <see cref="ElementType"/>: what a YAML sequence that cannot bind leaves (its diagnostic is reported).</summary>
internal sealed record EmptyArrayValue(string ElementType) : BoundValue;

/// <summary>A user type created with its constructor's named <see cref="Arguments"/> and then its settable <see cref="Initializers"/>.</summary>
/// <param name="TypeName">The type's <c>global::</c> name, without <c>?</c>.</param>
internal sealed record ObjectValue(string TypeName, EquatableArray<NamedValue> Arguments, EquatableArray<NamedValue> Initializers) : BoundValue;

/// <summary>A generated parameters record (the root, or a YAML mapping no <c>[Param]</c> binds), created with a value per property.</summary>
internal sealed record RecordValue(string TypeName, EquatableArray<NamedValue> Properties) : BoundValue;

/// <summary>A constructor argument, property or initializer and its value.</summary>
internal sealed record NamedValue(string Name, BoundValue Value);
