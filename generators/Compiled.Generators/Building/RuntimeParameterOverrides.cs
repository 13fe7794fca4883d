using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>
/// A <c>${runtime_params:key,default}</c> of <c>parameters*.yml</c>: the parameter at <see cref="Path"/> is
/// <see cref="Prefix"/> + the runtime value + <see cref="Suffix"/> (both empty when the interpolation is the whole value).
/// </summary>
internal sealed record RuntimeParameterUse(string Key, string Path, string Prefix, string Suffix);

/// <summary>
/// Kedro's runtime params in parameters: <c>--params key=value</c> (or <c>WithOverride("key", value)</c>) sets every
/// parameter whose YAML says <c>${runtime_params:key…}</c>, as <c>kedro run --params</c> does, besides the dotted paths.
/// Each key becomes one more entry of the parameters record's <c>WithOverride</c> switch, which applies the paths' own
/// overrides (<see cref="ParameterOverrideModel.RuntimeTargets"/>): <c>"test_size" =&gt; WithOverride("model_options.test_size", value)</c>.
/// </summary>
internal static class RuntimeParameterOverrides
{
    /// <summary><paramref name="parameters"/> with an override per runtime key whose parameters a dotted override can set.</summary>
    public static ParametersModel Add(ParametersModel parameters, IReadOnlyList<RuntimeParameterUse> uses)
    {
        if (uses.Count == 0) return parameters;
        var overrides = parameters.Overrides.ToList();
        var paths = new HashSet<string>(overrides.Select(o => o.Path), StringComparer.Ordinal);
        foreach (var group in uses.Where(u => paths.Contains(u.Path)).GroupBy(u => u.Key, StringComparer.Ordinal))
        {
            // A key that is also a path sets that path as before, then the parameters that take the key.
            var targets = group.Where(u => u.Path != group.Key).Select(u => new RuntimeParameterTarget(u.Path, u.Prefix, u.Suffix)).ToList();
            if (targets.Count == 0) continue;
            var existing = overrides.FindIndex(o => o.Path == group.Key);
            if (existing >= 0) overrides[existing] = overrides[existing] with { RuntimeTargets = overrides[existing].RuntimeTargets.Concat(targets).ToEquatableArray() };
            else overrides.Add(new ParameterOverrideModel(group.Key, Setter: null, targets.ToEquatableArray()));
        }

        return parameters with { Overrides = overrides.ToEquatableArray() };
    }
}
