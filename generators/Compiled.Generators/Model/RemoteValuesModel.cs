namespace Compiled.Generators.Model;

/// <summary>
/// The runtime inputs and outputs of a pipeline whose single remote run can carry them as typed values (a transport's own
/// serializer) rather than as the serving contract's JSON: one to <see cref="MaxValues"/> runtime inputs, one to
/// <see cref="MaxValues"/> outputs, and no <c>${runtime:…}</c> values. Each side travels as its one value, or as a tuple of
/// several in the order <c>Run</c> takes the inputs and <c>Result</c> holds the outputs.
/// </summary>
/// <param name="Inputs">The runtime inputs' types.</param>
/// <param name="Outputs">The outputs' types.</param>
internal sealed record RemoteValuesModel(EquatableArray<TypeRef> Inputs, EquatableArray<TypeRef> Outputs)
{
    /// <summary>The most values a side carries: a tuple's without nesting (<c>ValueTuple</c> nests from the eighth).</summary>
    public const int MaxValues = 7;

    /// <summary>The typed values of <paramref name="pipeline"/>, or null when its remote run travels as JSON only.</summary>
    public static RemoteValuesModel? For(PipelineModel pipeline) =>
        pipeline.HasErrors || !pipeline.RuntimeValues.IsEmpty ||
        pipeline.RuntimeInputs.Count is 0 or > MaxValues || pipeline.Results.Count is 0 or > MaxValues
            ? null
            : new RemoteValuesModel(
                pipeline.RuntimeInputs.Select(i => i.Type).ToEquatableArray(),
                pipeline.Results.Select(r => r.Type).ToEquatableArray());
}
