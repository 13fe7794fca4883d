using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>What <see cref="PipelineValidator"/> found out about one pipeline, for the ordering and the plan.</summary>
/// <param name="Producers">The node (an index into the pipeline's nodes) that writes each dataset.</param>
/// <param name="RuntimeInputs">The free inputs the caller passes to <c>Run</c>, each with a type all its readers accept, in order of first read.</param>
/// <param name="Sources">The type of the value each dataset the nodes read holds: its producer's, its catalog entry's or its runtime input's.</param>
/// <param name="Artifacts">The pipeline's <c>Artifacts</c>.</param>
/// <param name="HasErrors">A run cannot be generated: errors in the nodes, the configuration, the inputs or the types.</param>
internal sealed record PipelineValidation(
    IReadOnlyDictionary<string, int> Producers,
    IReadOnlyList<(string Dataset, TypeRef Type)> RuntimeInputs,
    IReadOnlyDictionary<string, TypeRef> Sources,
    IReadOnlyCollection<string> Artifacts,
    bool HasErrors);
