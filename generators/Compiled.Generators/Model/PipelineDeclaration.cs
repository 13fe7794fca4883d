namespace Compiled.Generators.Model;

/// <summary>A <c>[Pipeline]</c> partial class as declared in C#.</summary>
/// <param name="Id">The member id diagnostics are reported against: <c>global::Ns.Type</c>.</param>
/// <param name="NodeClasses">The classes whose nodes make up the pipeline, as <c>global::</c> names.</param>
internal sealed record PipelineDeclaration(
    string Id,
    string? Namespace,
    string ClassName,
    string Accessibility,
    string? Name,
    EquatableArray<string> NodeClasses,
    EquatableArray<string> Inputs,
    EquatableArray<string> Artifacts,
    EquatableArray<DiagnosticInfo> Diagnostics);
