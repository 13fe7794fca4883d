using Compiled.Generators.Model;

namespace Compiled.Generators.Emit;

/// <summary>
/// Where a generated run's body finds what it does not declare itself: the session, the method that names a hot body's
/// failure, and, in a prepared run (<see cref="PreparedEmitter"/>), the fields holding its artifacts and parameters.
/// </summary>
/// <param name="Session">The expression of the session: <c>_session</c> in the pipeline, <c>_pipeline._session</c> in a prepared run.</param>
/// <param name="FailRun">The method the hot body's handler calls: <c>FailRun</c>, or <c>_pipeline.FailRun</c>.</param>
internal sealed record BodyContext(string Session, string FailRun)
{
    private static readonly Dictionary<string, string> None = new(StringComparer.Ordinal);

    /// <summary>The bodies of the pipeline's own <c>Run</c>, <c>RunObserved</c> and <c>RunAsync</c>.</summary>
    public static BodyContext Pipeline { get; } = new(GeneratedNames.SessionField, PipelineEmitter.FailRunMethod);

    /// <summary>The caller has read every artifact into the local named after its dataset (the hot body of <c>Run</c>).</summary>
    public bool ArtifactsInLocals { get; init; }

    /// <summary>A prepared run's fields holding the artifacts, by dataset name.</summary>
    public IReadOnlyDictionary<string, string> ArtifactFields { get; init; } = None;

    /// <summary>A prepared run's fields holding the parameter values, by binding (<see cref="ParameterField.Key"/>).</summary>
    public IReadOnlyDictionary<string, string> ParameterFields { get; init; } = None;

    /// <summary>
    /// A prepared run's body: its artifacts and parameter values are in <see cref="ArtifactFields"/> and
    /// <see cref="ParameterFields"/> (a pipeline is prepared only when it declares an artifact).
    /// </summary>
    public bool Prepared => ArtifactFields.Count > 0;

    /// <summary>Whether the body reads its artifacts from locals or fields already set, rather than from their slots.</summary>
    public bool HoldsArtifacts => ArtifactsInLocals || Prepared;
}
