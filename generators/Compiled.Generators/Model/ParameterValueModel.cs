namespace Compiled.Generators.Model;

/// <summary>A parameter path a node binds, for <c>Compiled.Pipelines.ParameterDefinition</c>.</summary>
/// <param name="Path">The dotted path (renamed by a modular pipeline, if any).</param>
/// <param name="TypeName">The <c>global::</c> C# type its value is bound into.</param>
/// <param name="Json">Its <c>conf/base</c> value as JSON text, or null when the path has no value.</param>
internal sealed record ParameterValueModel(string Path, string TypeName, string? Json);
