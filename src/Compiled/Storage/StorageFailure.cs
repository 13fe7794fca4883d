namespace Compiled.Storage;

/// <summary>What a <see cref="StorageException"/> reports.</summary>
public enum StorageFailure
{
    /// <summary>Any other failure (network, server error, malformed data).</summary>
    Other,

    /// <summary>The file or object does not exist.</summary>
    NotFound,

    /// <summary>A write that must not replace a file found it there.</summary>
    AlreadyExists,

    /// <summary>The credentials were refused or do not allow the operation.</summary>
    AccessDenied,

    /// <summary>The bucket or container does not exist.</summary>
    ContainerNotFound,
}
