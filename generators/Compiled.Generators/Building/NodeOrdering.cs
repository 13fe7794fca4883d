using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>The order a run calls a pipeline's nodes in: topological, deterministic, and CPL0005 for a cycle.</summary>
internal static class NodeOrdering
{
    /// <summary>Kahn's algorithm, always taking the ready node declared first; null (and CPL0005) on a cycle.</summary>
    public static List<int>? Order(IReadOnlyList<NodeModel> nodes, IReadOnlyDictionary<string, int> producers, string name, List<DiagnosticInfo> diagnostics)
    {
        var dependents = new List<int>[nodes.Count];
        var pending = new int[nodes.Count];
        for (var i = 0; i < nodes.Count; i++) dependents[i] = new List<int>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var dependencies = new HashSet<int>();
            foreach (var parameter in nodes[i].Parameters)
            {
                if (parameter.Kind == NodeParameterKind.Input && producers.TryGetValue(parameter.Binding, out var producer)) dependencies.Add(producer);
            }

            foreach (var dependency in dependencies) dependents[dependency].Add(i);
            pending[i] = dependencies.Count;
        }

        var ready = new SortedSet<int>(Enumerable.Range(0, nodes.Count).Where(i => pending[i] == 0));
        var order = new List<int>(nodes.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(next);
            foreach (var dependent in dependents[next])
            {
                if (--pending[dependent] == 0) ready.Add(dependent);
            }
        }

        if (order.Count == nodes.Count) return order;

        // What is left is the cycles and everything downstream of them: peel off the nodes none of whose
        // dependents is left, so that only the nodes on (or between) cycles are reported.
        var remaining = new HashSet<int>(Enumerable.Range(0, nodes.Count).Where(i => pending[i] > 0));
        for (var peeled = true; peeled;)
        {
            peeled = false;
            foreach (var index in remaining.Where(i => !dependents[i].Any(remaining.Contains)).ToList())
            {
                remaining.Remove(index);
                peeled = true;
            }
        }

        foreach (var index in remaining.OrderBy(i => i))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.Cycle, DiagnosticTarget.Member(nodes[index].Id), name, DescribeCycle(nodes, dependents, remaining, index)));
        }

        return null;
    }

    /// <summary>The cycle reached from <paramref name="start"/> along data flow, "a -> b -> a", beginning at its first declared node.</summary>
    private static string DescribeCycle(IReadOnlyList<NodeModel> nodes, List<int>[] dependents, HashSet<int> remaining, int start)
    {
        var path = new List<int>();
        var current = start;
        while (!path.Contains(current))
        {
            path.Add(current);
            current = dependents[current].Where(remaining.Contains).Min();
        }

        var cycle = path.Skip(path.IndexOf(current)).ToList();
        var first = cycle.IndexOf(cycle.Min());
        cycle = cycle.Skip(first).Concat(cycle.Take(first)).ToList();
        return string.Join(" -> ", cycle.Select(i => nodes[i].Name)) + " -> " + nodes[cycle[0]].Name;
    }
}
