namespace Compiled;

/// <summary>Why a remote run failed, and where: the node, the run and the silo (or machine) it ran on.</summary>
/// <param name="RunId">The failed run's id.</param>
/// <param name="Node">The node that failed; null when the run failed before any node ran (a malformed request, for example).</param>
/// <param name="Silo">Where it ran, such as the silo's name.</param>
/// <param name="ErrorType">The type of the exception that failed it, such as <c>System.ArgumentException</c>.</param>
/// <param name="Message">What went wrong, as the run's exception says it.</param>
public sealed record RemoteRunError(string RunId, string? Node, string Silo, string ErrorType, string Message)
{
    /// <summary>One line that names the run, the node and the silo, then the message.</summary>
    public override string ToString() =>
        Node is null
            ? $"Run '{RunId}' failed on {Silo} before any node ran ({ErrorType}): {Message}"
            : $"Run '{RunId}' failed at node '{Node}' on {Silo} ({ErrorType}): {Message}";
}
