using Compiled.Config;

namespace Compiled.Storage;

/// <summary>
/// Creates the <see cref="IFileStore"/> for a URL scheme (<c>s3</c>, <c>abfs</c>, …) from a catalog entry's
/// credentials. A project turns a store on by listing its provider in <see cref="SessionOptions.FileStores"/>
/// (e.g. <c>new S3FileStoreProvider()</c> from the package <c>Compiled.Storage.S3</c>): there is no discovery.
/// </summary>
public interface IFileStoreProvider
{
    /// <summary>The URL schemes this provider serves, lower case, without <c>://</c> (e.g. <c>abfs</c>, <c>az</c>).</summary>
    IReadOnlyList<string> Schemes { get; }

    /// <summary>The store for the file at <paramref name="url"/>, opened with <paramref name="credentials"/>.</summary>
    /// <param name="url">The file's URL, as configured.</param>
    /// <param name="credentials">The entry's credentials (its <c>credentials:</c> key resolved), or null when it names none.</param>
    /// <returns>The store; files of the dataset are addressed in it by their URLs.</returns>
    /// <exception cref="StorageException">The URL is malformed, or the credentials are incomplete; the message names the key, never a value.</exception>
    IFileStore Create(string url, ConfigMapping? credentials);
}
