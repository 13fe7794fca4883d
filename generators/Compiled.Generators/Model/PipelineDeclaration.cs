namespace Compiled.Generators.Model;

/// <summary>A <c>[Pipeline]</c> partial class as declared in C#.</summary>
/// <param name="Id">The member id diagnostics are reported against: <c>global::Ns.Type</c>.</param>
/// <param name="NodeClasses">The classes whose nodes make up the pipeline, or pipelines it is composed of, as <c>global::</c> names.</param>
/// <param name="Includes">The <c>[Include]</c> attributes: other pipelines' nodes, namespaced and renamed.</param>
internal sealed record PipelineDeclaration(
    string Id,
    string? Namespace,
    string ClassName,
    string Accessibility,
    string? Name,
    EquatableArray<string> NodeClasses,
    EquatableArray<string> Inputs,
    EquatableArray<string> Artifacts,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public EquatableArray<IncludeDeclaration> Includes { get; init; } = EquatableArray<IncludeDeclaration>.Empty;

    /// <summary><c>[Pipeline(AttributeFailures = …)]</c>: false when the hot <c>Run</c> lets a node's exception through unwrapped.</summary>
    public bool AttributeFailures { get; init; } = true;
}

/// <summary>
/// An <c>[Include(typeof(X), Namespace = …, Inputs = …, Outputs = …, Parameters = …, Tags = …)]</c> on a pipeline:
/// Kedro's <c>pipeline(pipe, namespace=…, inputs=…, outputs=…, parameters=…, tags=…)</c>. The name lists hold the
/// entries as written (<c>"name"</c> or <c>"name=new_name"</c>).
/// </summary>
/// <param name="Target">The included pipeline class or node class, as a <c>global::</c> name.</param>
internal sealed record IncludeDeclaration(
    string Target,
    string? Namespace,
    EquatableArray<string> Inputs,
    EquatableArray<string> Outputs,
    EquatableArray<string> Parameters,
    EquatableArray<string> Tags);
