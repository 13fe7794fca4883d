using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Compiled.Benchmarks.Engines;

/// <summary>
/// The stand-in for the design Kedro and most .NET workflow engines use: nodes discovered once by
/// reflection (here from the same <c>[Node]</c>, <c>[Input]</c> and <c>[Param]</c> attributes the
/// generator reads), ordered once (Kahn's algorithm), and run against a catalog of <see cref="object"/>s
/// in a <see cref="Dictionary{TKey,TValue}"/>: each run creates the catalog, puts its inputs in, and for
/// each node looks its inputs up by name, calls it through <see cref="MethodInfo.Invoke(object, object[])"/>
/// and stores its outputs by name (a tuple is unpacked through <see cref="ITuple"/>).
/// </summary>
/// <remarks>
/// Deliberately generous to this design: discovery, binding, ordering and parameter resolution
/// happen once in the constructor (Kedro re-resolves parameters and rebuilds the catalog per session);
/// only what such an engine must do per run is left in <see cref="Run"/>.
/// </remarks>
public sealed class ReflectionEngine
{
    private readonly Step[] _steps;
    private readonly int _datasetCount;

    /// <summary>Discovers the <c>[Node]</c> methods of <paramref name="nodeClasses"/> and orders them.</summary>
    /// <param name="nodeClasses">The classes whose <c>[Node]</c> methods make up the pipeline.</param>
    /// <param name="parameters">Parameter values by dotted path (<c>model_options</c>, <c>model_options.features</c>).</param>
    public ReflectionEngine(IEnumerable<Type> nodeClasses, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        parameters ??= new Dictionary<string, object?>();
        var steps = new List<Step>();
        foreach (var type in nodeClasses)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static))
            {
                var node = method.GetCustomAttribute<NodeAttribute>();
                if (node is null) continue;
                var arguments = method.GetParameters().Select(p =>
                {
                    if (p.GetCustomAttribute<ParamAttribute>() is { } param)
                    {
                        return Argument.Constant(parameters.TryGetValue(param.Path, out var value)
                            ? value
                            : throw new InvalidOperationException($"No parameter '{param.Path}' for {method.Name}."));
                    }

                    return Argument.Dataset(p.GetCustomAttribute<InputAttribute>()?.Name ?? ToSnakeCase(p.Name!));
                }).ToArray();
                var outputs = node.Outputs is { Length: > 0 } many ? many : [node.Output!];
                steps.Add(new Step(method, arguments, outputs));
            }
        }

        _steps = Order(steps);
        _datasetCount = _steps.Sum(s => s.Outputs.Length + s.Arguments.Length);
    }

    /// <summary>The nodes in run order.</summary>
    public IReadOnlyList<string> NodeNames => _steps.Select(s => s.Method.Name).ToArray();

    /// <summary>Runs every node once and returns the run's catalog: inputs and every output, by name.</summary>
    public Dictionary<string, object?> Run(ReadOnlySpan<KeyValuePair<string, object?>> inputs)
    {
        var catalog = new Dictionary<string, object?>(_datasetCount, StringComparer.Ordinal);
        foreach (var (name, value) in inputs) catalog[name] = value;

        foreach (var step in _steps)
        {
            var arguments = new object?[step.Arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                var argument = step.Arguments[i];
                arguments[i] = argument.DatasetName is { } dataset
                    ? catalog.TryGetValue(dataset, out var value) ? value : throw new InvalidOperationException($"Dataset '{dataset}' has no value.")
                    : argument.Value;
            }

            var result = step.Method.Invoke(null, arguments);
            if (step.Outputs.Length == 1)
            {
                catalog[step.Outputs[0]] = result;
            }
            else
            {
                var tuple = (ITuple)result!;
                for (var i = 0; i < step.Outputs.Length; i++) catalog[step.Outputs[i]] = tuple[i];
            }
        }

        return catalog;
    }

    private static Step[] Order(List<Step> steps)
    {
        var producers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            foreach (var output in steps[i].Outputs) producers.Add(output, i);
        }

        var pending = new int[steps.Count];
        var dependents = steps.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < steps.Count; i++)
        {
            var dependencies = steps[i].Arguments
                .Where(a => a.DatasetName is not null && producers.ContainsKey(a.DatasetName))
                .Select(a => producers[a.DatasetName!])
                .Distinct()
                .ToList();
            pending[i] = dependencies.Count;
            foreach (var dependency in dependencies) dependents[dependency].Add(i);
        }

        var ready = new Queue<int>(Enumerable.Range(0, steps.Count).Where(i => pending[i] == 0));
        var order = new List<Step>(steps.Count);
        while (ready.TryDequeue(out var next))
        {
            order.Add(steps[next]);
            foreach (var dependent in dependents[next])
            {
                if (--pending[dependent] == 0) ready.Enqueue(dependent);
            }
        }

        return order.Count == steps.Count ? [.. order] : throw new InvalidOperationException("The nodes have a cycle.");
    }

    private static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    private sealed record Step(MethodInfo Method, Argument[] Arguments, string[] Outputs);

    private sealed record Argument(string? DatasetName, object? Value)
    {
        public static Argument Dataset(string name) => new(name, null);

        public static Argument Constant(object? value) => new(null, value);
    }
}
