namespace Compiled;

/// <summary>
/// A named source and sink of data of type <typeparamref name="T"/>: Kedro's <c>AbstractDataset</c>,
/// typed. Built-in implementations live in <c>Compiled.Datasets</c>; a project may name its own
/// implementation in <c>catalog.yml</c>.
/// </summary>
/// <typeparam name="T">The type a node receives when it reads this dataset.</typeparam>
public interface IDataset<T>
{
    /// <summary>The catalog name of the dataset.</summary>
    string Name { get; }

    /// <summary>Reads the data. Throws <see cref="DatasetException"/> naming the dataset when it cannot.</summary>
    T Load();

    /// <summary>Writes the data. File-backed datasets write atomically: a failed save leaves the previous data intact.</summary>
    void Save(T data);

    /// <summary>Whether there is data to load.</summary>
    bool Exists();

    /// <summary>Reads the data asynchronously; datasets with real I/O override this.</summary>
    ValueTask<T> LoadAsync(CancellationToken cancellationToken = default) => new(Load());

    /// <summary>Writes the data asynchronously; datasets with real I/O override this.</summary>
    ValueTask SaveAsync(T data, CancellationToken cancellationToken = default)
    {
        Save(data);
        return default;
    }
}
