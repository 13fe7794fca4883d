namespace Compiled;

/// <summary>A remote run failed: names the node, the run id and the silo it ran on (<see cref="Error"/>).</summary>
public sealed class RemoteRunException : Exception
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    /// <param name="error">Why and where the run failed.</param>
    public RemoteRunException(RemoteRunError error) : base(error.ToString())
    {
        Error = error;
    }

    /// <summary>Why and where the run failed.</summary>
    public RemoteRunError Error { get; }
}
