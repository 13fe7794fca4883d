namespace Compiled;

/// <summary>
/// A dataset that keeps every version it saved: Kedro's <c>versioned: true</c>. Each save writes a
/// new version (by default named after the time of the save, see
/// <see cref="Datasets.DatasetVersion"/>) and never replaces an existing one; a load reads the
/// pinned <see cref="LoadVersion"/> or, when none is pinned, the latest version.
/// </summary>
/// <remarks>
/// The built-in file datasets (<c>csv</c>, <c>json</c>, <c>text</c>, <c>binary</c>, <c>parquet</c>,
/// <c>excel</c>) implement this interface whether or not their catalog entry says
/// <c>versioned: true</c>; <see cref="IsVersioned"/> tells which. An unversioned dataset ignores the
/// version it is given and behaves as a plain <see cref="IDataset{T}"/>.
/// </remarks>
/// <typeparam name="T">The type a node receives when it reads this dataset.</typeparam>
public interface IVersionedDataset<T> : IDataset<T>
{
    /// <summary>Whether saves create versions (the catalog entry says <c>versioned: true</c>).</summary>
    bool IsVersioned { get; }

    /// <summary>The version <see cref="IDataset{T}.Load"/> reads (the entry's <c>load_version</c>), or null to read the latest.</summary>
    string? LoadVersion { get; }

    /// <summary>Reads version <paramref name="version"/>.</summary>
    /// <exception cref="DatasetException">There is no such version.</exception>
    T Load(string version);

    /// <summary>Writes <paramref name="data"/> as version <paramref name="version"/>.</summary>
    /// <exception cref="DatasetException">The version already exists (versions are never overwritten), or the data cannot be written.</exception>
    void Save(T data, string version);

    /// <summary>Writes <paramref name="data"/> as version <paramref name="version"/>, asynchronously.</summary>
    /// <exception cref="DatasetException">The version already exists (versions are never overwritten), or the data cannot be written.</exception>
    ValueTask SaveAsync(T data, string version, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="data"/> as a new version: <paramref name="version"/> when no save has taken it,
    /// otherwise the next free version after it (a version in Kedro's format moves on a millisecond at a time), so
    /// that processes saving at the same moment never fail and never overwrite each other. Runs save this way.
    /// The default implementation calls <see cref="Save(T, string)"/>.
    /// </summary>
    /// <returns>The version written.</returns>
    /// <exception cref="DatasetException">The data cannot be written, or (for a version not in Kedro's format) the version exists.</exception>
    string SaveNewVersion(T data, string version)
    {
        Save(data, version);
        return version;
    }

    /// <summary>Writes <paramref name="data"/> as a new version, asynchronously: see <see cref="SaveNewVersion"/>.</summary>
    /// <returns>The version written.</returns>
    /// <exception cref="DatasetException">The data cannot be written, or (for a version not in Kedro's format) the version exists.</exception>
    async ValueTask<string> SaveNewVersionAsync(T data, string version, CancellationToken cancellationToken = default)
    {
        await SaveAsync(data, version, cancellationToken).ConfigureAwait(false);
        return version;
    }

    /// <summary>The versions saved so far, oldest first (ordinal order of the version strings); empty when unversioned.</summary>
    IReadOnlyList<string> ListVersions();
}
