namespace Compiled.Generators.Parsing;

/// <summary>
/// The runtime attributes the generator and analyzers look for: their metadata names and the names of their named
/// arguments. The generator cannot reference the runtime (it runs inside the compiler), so it cannot write
/// <c>nameof(NodeAttribute.Output)</c>; <c>KnownNamesTests</c> in the generator tests does, and fails when a runtime
/// attribute's member is renamed without this file.
/// </summary>
internal static class KnownNames
{
    public const string NodeAttribute = "Compiled.NodeAttribute";
    public const string InputAttribute = "Compiled.InputAttribute";
    public const string ParamAttribute = "Compiled.ParamAttribute";
    public const string PipelineAttribute = "Compiled.PipelineAttribute";
    public const string IncludeAttribute = "Compiled.IncludeAttribute";

    /// <summary>The named arguments of <c>[Node]</c>.</summary>
    public static class Node
    {
        public const string Name = "Name";
        public const string Output = "Output";
        public const string Outputs = "Outputs";
        public const string Tags = "Tags";
    }

    /// <summary>The named arguments of <c>[Pipeline]</c>.</summary>
    public static class Pipeline
    {
        public const string Name = "Name";
        public const string Inputs = "Inputs";
        public const string Artifacts = "Artifacts";
        public const string AttributeFailures = "AttributeFailures";
    }

    /// <summary>The named arguments of <c>[Include]</c>.</summary>
    public static class Include
    {
        public const string Namespace = "Namespace";
        public const string Inputs = "Inputs";
        public const string Outputs = "Outputs";
        public const string Parameters = "Parameters";
        public const string Tags = "Tags";
    }
}
