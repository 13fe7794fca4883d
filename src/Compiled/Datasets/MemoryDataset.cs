using Compiled.Config;

namespace Compiled.Datasets;

/// <summary>
/// A dataset that keeps its value in memory: Kedro's <c>MemoryDataset</c>, and the catalog type
/// <c>memory</c>. Intermediate results that nothing needs on disk live here. Thread-safe: a load
/// sees either the previous value or the one a concurrent save wrote, never a mix.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
public sealed class MemoryDataset<T> : IDataset<T>
{
    private volatile Holder? _holder;

    /// <summary>Creates an empty dataset: <see cref="Load"/> fails until something is saved.</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    public MemoryDataset(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>Creates a dataset that already holds <paramref name="data"/>.</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="data">The initial value.</param>
    public MemoryDataset(string name, T data)
        : this(name) => _holder = new Holder(data);

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Builds an empty memory dataset for a catalog entry of type <c>memory</c>.</summary>
    /// <param name="config">The catalog entry.</param>
    public static MemoryDataset<T> FromConfig(DatasetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new MemoryDataset<T>(config.Name);
    }

    /// <summary>Returns the value last saved (or given to the constructor).</summary>
    /// <exception cref="DatasetException">Nothing has been saved yet.</exception>
    public T Load() => (_holder ?? throw new DatasetException(Name,
        $"Dataset '{Name}' has no data: it is kept in memory and nothing has saved it yet. " +
        $"Run the node that produces '{Name}' first, or pass '{Name}' as an input of the run.")).Value;

    /// <summary>Replaces the value.</summary>
    /// <param name="data">The new value; null is kept as a value.</param>
    public void Save(T data) => _holder = new Holder(data);

    /// <summary>Whether a value has been saved (or given to the constructor) and not released.</summary>
    public bool Exists() => _holder is not null;

    /// <summary>Forgets the value, so that it can be garbage collected; <see cref="Exists"/> is then false.</summary>
    public void Release() => _holder = null;

    /// <inheritdoc />
    public override string ToString() => $"MemoryDataset<{DatasetErrors.TypeName(typeof(T))}> '{Name}'";

    // A reference to an immutable box makes reads and writes of any T atomic.
    private sealed class Holder(T value)
    {
        public readonly T Value = value;
    }
}
