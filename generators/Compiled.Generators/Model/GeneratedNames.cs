namespace Compiled.Generators.Model;

/// <summary>
/// The identifiers generated code declares in one file and uses in another, or that a name builder must keep free:
/// written once here, so that the emitter that declares a member and the emitters that use it cannot drift apart.
/// Names each emitter picks for its own scope come from its <see cref="UniqueNameBuilder"/> instead.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The pipeline class's session field (<c>{Pipeline}.g.cs</c>), read by its <c>.Steps</c> and <c>.Contract</c> parts.</summary>
    public const string SessionField = "_session";

    /// <summary>The pipeline class's graph as data (<c>{Pipeline}.Steps.g.cs</c>), passed to each node-by-node run.</summary>
    public const string DefinitionProperty = "Definition";

    /// <summary>The pipeline's result type, declared in <c>{Pipeline}.g.cs</c> and returned by its remote members.</summary>
    public const string ResultType = "Result";

    /// <summary>The pipeline's in-memory replacements of catalog inputs, declared in <c>{Pipeline}.g.cs</c>.</summary>
    public const string InputsType = "Inputs";

    /// <summary>The node-by-node run of a pipeline (<c>{Pipeline}.Steps.g.cs</c>), a <c>PipelineExecution</c>.</summary>
    public const string ExecutionClass = "Execution";

    /// <summary>The <see cref="ExecutionClass"/>'s catalog field.</summary>
    public const string ExecutionCatalogField = "_catalog";

    /// <summary>The <see cref="ExecutionClass"/>'s parameters field.</summary>
    public const string ExecutionParametersField = "_parameters";

    /// <summary>The <see cref="ExecutionClass"/>'s pipeline field (an asynchronous pipeline's whole run).</summary>
    public const string ExecutionPipelineField = "_pipeline";
}
