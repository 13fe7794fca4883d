namespace Compiled.Generators.Model;

/// <summary>
/// The identifiers a generated <c>Run</c> declares besides the runtime inputs and values it takes: its fixed parameters
/// (<c>inputs</c>, <c>parameters</c>, <c>runId</c>, <c>cancellationToken</c>) and the locals of its body. Run's public
/// parameter names (<see cref="RuntimeInputModel.ParameterName"/>, the pipeline's <see cref="RuntimeValueModel.ParameterName"/>)
/// avoid them, and the emitter names each dataset's local after them, in the same scope.
/// </summary>
internal static class RunLocals
{
    /// <summary>Every identifier <c>Run</c>'s signature and body declare themselves.</summary>
    public static readonly IReadOnlyList<string> Declared =
    [
        "run", "catalog", "parameters", "cancellationToken", "runId", "session", "result", "exception", "step", "inputs",
    ];
}
