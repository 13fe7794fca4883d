namespace Compiled.Storage;

/// <summary>
/// A file store could not do what was asked. The message names the path or URL and what failed, never credentials;
/// datasets turn it into a <see cref="DatasetException"/> that also names the dataset.
/// </summary>
public sealed class StorageException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">What failed.</param>
    /// <param name="path">The path or URL concerned.</param>
    /// <param name="message">What failed and what to do, without credentials.</param>
    /// <param name="innerException">The store's own exception, if any (its message must not contain credentials either).</param>
    public StorageException(StorageFailure failure, string path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Path = path;
    }

    /// <summary>What failed.</summary>
    public StorageFailure Failure { get; }

    /// <summary>The path or URL concerned.</summary>
    public string Path { get; }
}
