namespace Compiled.Cli;

/// <summary>How <see cref="CompiledCli"/> talks to its user: what the program is called, where output goes, the session's settings.</summary>
public sealed class CliOptions
{
    /// <summary>
    /// How the user starts the program, written before printed commands such as the resume command
    /// (<c>dotnet run --project samples/Spaceflights --</c>); defaults to the entry assembly's name.
    /// </summary>
    public string? CommandName { get; init; }

    /// <summary>Where results and progress go; <see cref="Console.Out"/> when null.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>Where errors go; <see cref="Console.Error"/> when null.</summary>
    public TextWriter? Error { get; init; }

    /// <summary>
    /// Whether to draw live progress (a status line rewritten in place); defaults to whether the output is a
    /// terminal. When false, progress is plain lines, one per node start and completion.
    /// </summary>
    public bool? Interactive { get; init; }

    /// <summary>
    /// The settings of the sessions the command line creates (project path, hooks, logging); its
    /// <see cref="SessionOptions.Environment"/> is replaced by <c>--env</c> when given.
    /// </summary>
    public SessionOptions Session { get; init; } = new();
}
