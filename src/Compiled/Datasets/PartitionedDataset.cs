using Compiled.Config;
using Compiled.Storage;

namespace Compiled.Datasets;

/// <summary>
/// A folder (or object store prefix) of files of one dataset type, read and written as <see cref="Partitions{T}"/>:
/// the catalog type <c>partitioned</c> (Kedro's <c>partitions.PartitionedDataset</c>). Loading lists the files and
/// reads none: each partition is read when the node calls its function. Saving writes every partition given, each
/// atomically, a bounded number at a time.
/// </summary>
/// <remarks>
/// Keys: <c>path</c> (required: the folder, relative to the project, or a URL such as <c>s3://bucket/prefix</c>),
/// <c>dataset</c> (required: the type of each file, e.g. <c>csv</c>, or a mapping with <c>type</c> and its
/// <c>load_args</c> / <c>save_args</c>), <c>filename_suffix</c> (e.g. <c>.csv</c>: only files ending with it are
/// partitions, and the id is the path without it), <c>credentials</c> (for an object store) and
/// <c>concurrency</c> (partitions loaded or saved at a time by <see cref="Partitions{T}.LoadAllAsync(CancellationToken)"/>
/// and saves; default 8).
/// </remarks>
/// <typeparam name="T">The data of one partition.</typeparam>
/// <typeparam name="TDataset">The dataset type of one partition.</typeparam>
public class PartitionedDataset<T, TDataset> : IDataset<Partitions<T>>
    where TDataset : FileDataset<T>, IConfiguredDataset<TDataset>
{
    private static readonly string[] Keys = ["type", "path", "dataset", "filename_suffix", "credentials", "concurrency", "metadata"];
    private readonly DatasetConfig _config;
    private readonly ConfigMapping _partitionEntry;

    /// <summary>Creates the dataset from its catalog entry: see <see cref="FromConfig"/>.</summary>
    /// <param name="config">The catalog entry.</param>
    /// <param name="extraKeys">Keys a derived type adds to the entry.</param>
    /// <exception cref="DatasetException">The entry is incomplete or malformed.</exception>
    protected PartitionedDataset(DatasetConfig config, params string[] extraKeys)
    {
        ArgumentNullException.ThrowIfNull(config);
        foreach (var (key, node) in config.Entry.Entries)
        {
            if (key == "versioned")
                throw config.Error("sets 'versioned', which partitioned datasets do not support (each partition is a file of its own); remove it", node.Location);
            if (!Keys.Contains(key) && !extraKeys.Contains(key))
                throw config.Error($"has an unsupported key '{key}' for type '{config.Type}' (supported keys: {string.Join(", ", Keys.Concat(extraKeys))})", node.Location);
        }
        _config = config;
        Name = config.Name;
        var root = config.GetLocation("path", directory: true);
        Store = root.Store;
        Path = root.Path;
        FilenameSuffix = config.GetString("filename_suffix") ?? "";
        MaxConcurrency = config.GetInt32("concurrency", 8);
        if (MaxConcurrency < 1) throw config.Error($"key 'concurrency' must be at least 1, not {MaxConcurrency}", config.Entry["concurrency"]!.Location);
        _partitionEntry = PartitionEntry(config);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The folder or prefix of the partitions.</summary>
    public string Path { get; }

    /// <summary>The store the partitions are in.</summary>
    public IFileStore Store { get; }

    /// <summary>The ending of the partitions' file names (empty: every file is a partition).</summary>
    public string FilenameSuffix { get; }

    /// <summary>How many partitions load or save at a time.</summary>
    public int MaxConcurrency { get; }

    /// <summary>Builds the dataset from a catalog entry (see the remarks of the type for its keys).</summary>
    /// <param name="config">The catalog entry.</param>
    /// <exception cref="DatasetException">The entry is incomplete or malformed.</exception>
    public static PartitionedDataset<T, TDataset> FromConfig(DatasetConfig config) => new(config);

    /// <summary>Lists the partitions; reads none of them.</summary>
    /// <exception cref="DatasetException">The folder or prefix cannot be listed.</exception>
    public virtual Partitions<T> Load() => Partitions<T>.FromLoaders(
        ListPartitionIds().Select(id => KeyValuePair.Create(id, (Func<CancellationToken, ValueTask<T>>)(ct => Partition(id).LoadAsync(ct)))),
        MaxConcurrency);

    /// <summary>Lists the partitions; reads none of them.</summary>
    /// <exception cref="DatasetException">The folder or prefix cannot be listed.</exception>
    public ValueTask<Partitions<T>> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(Load());
    }

    /// <summary>Writes every partition of <paramref name="data"/>, each atomically; partitions not in it are left as they are.</summary>
    /// <exception cref="DatasetException">A partition id is not a relative path, or a partition cannot be written.</exception>
    public void Save(Partitions<T> data) => SaveAsync(data).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Writes every partition of <paramref name="data"/>, each atomically, at most <see cref="MaxConcurrency"/> at a time;
    /// a lazy partition's value is produced just before it is written. Partitions not in it are left as they are.
    /// </summary>
    /// <exception cref="DatasetException">A partition id is not a relative path, or a partition cannot be written.</exception>
    public async ValueTask SaveAsync(Partitions<T> data, CancellationToken cancellationToken = default)
    {
        if (data is null) throw new DatasetException(Name, $"Dataset '{Name}' ({Path}): cannot save null. Make the node that produces '{Name}' return partitions.");
        foreach (var id in data.Keys) CheckId(id);
        await Parallel.ForEachAsync(data, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrency, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                var value = await partition.Value(ct).ConfigureAwait(false);
                await Partition(partition.Key).SaveAsync(value, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    /// <summary>Whether there is at least one partition.</summary>
    public bool Exists() => ListPartitionIds().Count > 0;

    /// <summary>The ids of the partitions, in ordinal order.</summary>
    /// <exception cref="DatasetException">The folder or prefix cannot be listed.</exception>
    protected virtual IReadOnlyList<string> ListPartitionIds()
    {
        IReadOnlyList<string> files;
        try
        {
            files = Store.ListFiles(Path);
        }
        catch (StorageException ex)
        {
            throw new DatasetException(Name, $"Dataset '{Name}' ({Path}): could not list the partitions: {DatasetErrors.Sentence(ex.Message)}", ex);
        }
        var ids = new List<string>(files.Count);
        foreach (var file in files)
        {
            if (!file.EndsWith(FilenameSuffix, StringComparison.Ordinal) || file.Length == FilenameSuffix.Length) continue;
            ids.Add(file[..^FilenameSuffix.Length]);
        }
        return ids;
    }

    /// <summary>The dataset of partition <paramref name="id"/>.</summary>
    protected TDataset Partition(string id) =>
        TDataset.FromConfig(_config.ForPartition(id, WithFilePath(_partitionEntry, Store.Combine(Path, id + FilenameSuffix)), Store));

    private void CheckId(string id)
    {
        if (id is null || id.Length == 0 || !id.Split('/').All(DatasetVersion.IsValid))
            throw new DatasetException(Name,
                $"Dataset '{Name}' ({Path}): '{id}' cannot be a partition id: it must be a relative path of plain names separated by '/' (e.g. 2026/01-31).");
    }

    // The entry every partition is built from: the 'dataset' mapping without its type, with the entry's credentials.
    private static ConfigMapping PartitionEntry(DatasetConfig config)
    {
        var entries = new List<KeyValuePair<string, ConfigNode>>();
        switch (config.Entry["dataset"])
        {
            case null:
                throw config.Error("is missing the required key 'dataset' (the type of each partition's file, e.g. 'dataset: csv')");
            case ConfigScalar scalar:
                entries.Add(KeyValuePair.Create("type", (ConfigNode)scalar));
                break;
            case ConfigMapping mapping:
                foreach (var (key, node) in mapping.Entries)
                {
                    if (key is "filepath" or "versioned" or "load_version")
                        throw config.Error($"sets 'dataset.{key}', which a partition takes from 'path' and its id; remove it", node.Location);
                    entries.Add(KeyValuePair.Create(key, node));
                }
                break;
            case var other:
                throw config.Error("key 'dataset' must be a type name or a mapping with 'type'", other.Location);
        }
        if (config.Entry["credentials"] is { } credentials && entries.All(e => e.Key != "credentials"))
            entries.Add(KeyValuePair.Create("credentials", credentials));
        return new ConfigMapping(entries, config.Entry["dataset"]!.Location);
    }

    private static ConfigMapping WithFilePath(ConfigMapping entry, string path) =>
        new(entry.Entries.Append(KeyValuePair.Create("filepath", (ConfigNode)new ConfigScalar(path, entry.Location))), entry.Location);

    /// <inheritdoc />
    public override string ToString() => $"PartitionedDataset<{DatasetErrors.TypeName(typeof(T))}> '{Name}' ({Path})";
}
