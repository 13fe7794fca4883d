namespace Compiled;

/// <summary>
/// A pipeline cannot be run remotely at all: the cluster cannot be reached, no silo serves the pipeline, or every
/// silo left. The message names the pipeline (or the cluster) and what to do. Nothing ran, or the runs that did not
/// complete are listed in the message.
/// </summary>
public sealed class RemotePipelineException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What cannot be done, naming the pipeline or the cluster, and what to do.</param>
    /// <param name="innerException">The transport's exception, if any.</param>
    public RemotePipelineException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
