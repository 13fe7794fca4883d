namespace Compiled.Generators.Parsing;

/// <summary>Metadata names of the runtime attributes the generator and analyzers look for.</summary>
internal static class KnownNames
{
    public const string NodeAttribute = "Compiled.NodeAttribute";
    public const string InputAttribute = "Compiled.InputAttribute";
    public const string ParamAttribute = "Compiled.ParamAttribute";
    public const string PipelineAttribute = "Compiled.PipelineAttribute";
    public const string IncludeAttribute = "Compiled.IncludeAttribute";
}
