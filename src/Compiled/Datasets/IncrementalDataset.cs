using Compiled.Config;
using Compiled.Storage;

namespace Compiled.Datasets;

/// <summary>
/// A partitioned dataset that gives each run only the partitions added since the last successful run: the catalog
/// type <c>incremental</c> (Kedro's <c>partitions.IncrementalDataset</c>). A checkpoint file in the folder (or under the
/// prefix), <c>CHECKPOINT</c> by default (key <c>checkpoint</c>), holds the greatest partition id a run consumed; a
/// load returns the partitions whose ids sort after it (ordinal order). The checkpoint moves on only when the run that
/// loaded the partitions completes: a failed run leaves it where it was, and the next run sees the same partitions again.
/// </summary>
/// <remarks>
/// Outside a run, call <see cref="Confirm"/> with the partitions loaded to move the checkpoint on. A run whose
/// pipeline writes nothing to the catalog takes no run number and does not move the checkpoint: confirm then by hand.
/// </remarks>
/// <typeparam name="T">The data of one partition.</typeparam>
/// <typeparam name="TDataset">The dataset type of one partition.</typeparam>
public sealed class IncrementalDataset<T, TDataset> : PartitionedDataset<T, TDataset>
    where TDataset : FileDataset<T>, IConfiguredDataset<TDataset>
{
    private readonly string _checkpointName;

    private IncrementalDataset(DatasetConfig config)
        : base(config, "checkpoint")
    {
        _checkpointName = config.GetString("checkpoint") ?? "CHECKPOINT";
        if (!DatasetVersion.IsValid(_checkpointName))
            throw config.Error($"key 'checkpoint' must be a plain file name, not '{_checkpointName}'", config.Entry["checkpoint"]!.Location);
        CheckpointPath = Store.Combine(Path, _checkpointName);
    }

    /// <summary>The checkpoint file.</summary>
    public string CheckpointPath { get; }

    /// <summary>Builds the dataset from a catalog entry: the keys of <see cref="PartitionedDataset{T, TDataset}"/>, and <c>checkpoint</c>.</summary>
    /// <param name="config">The catalog entry.</param>
    /// <exception cref="DatasetException">The entry is incomplete or malformed.</exception>
    public static new IncrementalDataset<T, TDataset> FromConfig(DatasetConfig config) => new(config);

    /// <summary>The greatest partition id consumed by a successful run, or null before the first.</summary>
    /// <exception cref="DatasetException">The checkpoint cannot be read.</exception>
    public string? ReadCheckpoint()
    {
        try
        {
            using var stream = Store.OpenRead(CheckpointPath);
            using var reader = new StreamReader(stream, DatasetArgs.Utf8);
            var text = reader.ReadToEnd().Trim();
            return text.Length == 0 ? null : text;
        }
        catch (StorageException ex) when (ex.Failure == StorageFailure.NotFound)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException(Name, $"Dataset '{Name}' ({CheckpointPath}): could not read the checkpoint: {DatasetErrors.Sentence(ex.Message)}", ex);
        }
    }

    /// <summary>The partitions added since the checkpoint; reads none of them. The run that loads them moves the checkpoint on when it succeeds.</summary>
    /// <exception cref="DatasetException">The folder or the checkpoint cannot be read.</exception>
    public override Partitions<T> Load()
    {
        var partitions = base.Load();
        var last = partitions.Keys.LastOrDefault();
        return last is null ? partitions : partitions.WhenRunSucceeds(() => WriteCheckpoint(last));
    }

    /// <summary>Moves the checkpoint past <paramref name="loaded"/>, partitions this dataset loaded (outside a run).</summary>
    /// <exception cref="DatasetException">The checkpoint cannot be written.</exception>
    public void Confirm(Partitions<T> loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ((IRunCompletion)loaded).Complete();
    }

    /// <inheritdoc />
    protected override IReadOnlyList<string> ListPartitionIds()
    {
        var checkpoint = ReadCheckpoint();
        return base.ListPartitionIds()
            .Where(id => id != _checkpointName && (checkpoint is null || string.CompareOrdinal(id, checkpoint) > 0))
            .ToArray();
    }

    private void WriteCheckpoint(string id)
    {
        try
        {
            Store.Write(CheckpointPath, stream => stream.Write(DatasetArgs.Utf8.GetBytes(id)), overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException(Name, $"Dataset '{Name}' ({CheckpointPath}): could not save the checkpoint '{id}': {DatasetErrors.Sentence(ex.Message)}", ex);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"IncrementalDataset<{DatasetErrors.TypeName(typeof(T))}> '{Name}' ({Path})";
}
