using System.Collections;

namespace Compiled.Datasets;

/// <summary>
/// The partitions of a partitioned dataset (<c>type: partitioned</c>), by partition id (the file's path under the
/// dataset's folder or prefix, without <c>filename_suffix</c>), in ordinal order. Each value loads its partition
/// when called, and only then: a partition a node does not ask for is never read. A node writes partitions by
/// returning one of these, built from values (<see cref="FromValues"/>) or from functions that produce each value
/// when the partition is saved (<see cref="FromLoaders"/>).
/// </summary>
/// <typeparam name="T">The data of one partition: what the underlying dataset type carries (e.g. <c>Row[]</c> for <c>csv</c>).</typeparam>
public sealed class Partitions<T> : IReadOnlyDictionary<string, Func<CancellationToken, ValueTask<T>>>, IRunCompletion
{
    private readonly SortedDictionary<string, Func<CancellationToken, ValueTask<T>>> _loaders;

    // An incremental dataset's checkpoint write, due once the run that loaded these partitions succeeds.
    private Action? _onRunSucceeded;

    private Partitions(SortedDictionary<string, Func<CancellationToken, ValueTask<T>>> loaders, int maxConcurrency)
    {
        _loaders = loaders;
        MaxConcurrency = maxConcurrency;
    }

    /// <summary>How many partitions <see cref="LoadAllAsync(CancellationToken)"/> and saves handle at a time.</summary>
    public int MaxConcurrency { get; }

    /// <summary>Partitions whose values are produced when each is loaded or saved.</summary>
    /// <param name="loaders">Partition id to the function producing its value.</param>
    /// <param name="maxConcurrency">How many partitions are handled at a time (default 8).</param>
    /// <exception cref="ArgumentException">An id appears twice, or <paramref name="maxConcurrency"/> is below 1.</exception>
    public static Partitions<T> FromLoaders(IEnumerable<KeyValuePair<string, Func<CancellationToken, ValueTask<T>>>> loaders, int maxConcurrency = 8)
    {
        ArgumentNullException.ThrowIfNull(loaders);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        var sorted = new SortedDictionary<string, Func<CancellationToken, ValueTask<T>>>(StringComparer.Ordinal);
        foreach (var (id, loader) in loaders)
        {
            ArgumentNullException.ThrowIfNull(loader);
            if (!sorted.TryAdd(id, loader)) throw new ArgumentException($"Partition '{id}' appears twice.", nameof(loaders));
        }
        return new Partitions<T>(sorted, maxConcurrency);
    }

    /// <summary>Partitions with their values at hand (an eager write).</summary>
    /// <param name="values">Partition id to value.</param>
    /// <exception cref="ArgumentException">An id appears twice.</exception>
    public static Partitions<T> FromValues(IEnumerable<KeyValuePair<string, T>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return FromLoaders(values.Select(v => KeyValuePair.Create(v.Key, (Func<CancellationToken, ValueTask<T>>)(_ => new ValueTask<T>(v.Value)))));
    }

    /// <summary>Loads every partition, at most <see cref="MaxConcurrency"/> at a time.</summary>
    /// <param name="cancellationToken">Cancels the loads.</param>
    /// <returns>Partition id to value, in ordinal order of the ids.</returns>
    public Task<IReadOnlyDictionary<string, T>> LoadAllAsync(CancellationToken cancellationToken = default) => LoadAllAsync(MaxConcurrency, cancellationToken);

    /// <summary>Loads every partition, at most <paramref name="maxConcurrency"/> at a time.</summary>
    /// <param name="maxConcurrency">How many partitions load at a time.</param>
    /// <param name="cancellationToken">Cancels the loads.</param>
    /// <returns>Partition id to value, in ordinal order of the ids.</returns>
    public async Task<IReadOnlyDictionary<string, T>> LoadAllAsync(int maxConcurrency, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        var ids = _loaders.Keys.ToArray();
        var values = new T[ids.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Length),
            new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken },
            async (i, ct) => values[i] = await _loaders[ids[i]](ct).ConfigureAwait(false)).ConfigureAwait(false);
        var result = new SortedDictionary<string, T>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++) result.Add(ids[i], values[i]);
        return result;
    }

    /// <summary>These partitions, with <paramref name="onRunSucceeded"/> to call once the run that loaded them succeeds.</summary>
    internal Partitions<T> WhenRunSucceeds(Action onRunSucceeded)
    {
        _onRunSucceeded = onRunSucceeded;
        return this;
    }

    void IRunCompletion.Complete() => Interlocked.Exchange(ref _onRunSucceeded, null)?.Invoke();

    /// <inheritdoc />
    public Func<CancellationToken, ValueTask<T>> this[string key] => _loaders[key];

    /// <inheritdoc />
    public IEnumerable<string> Keys => _loaders.Keys;

    /// <inheritdoc />
    public IEnumerable<Func<CancellationToken, ValueTask<T>>> Values => _loaders.Values;

    /// <inheritdoc />
    public int Count => _loaders.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => _loaders.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Func<CancellationToken, ValueTask<T>> value) =>
        _loaders.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, Func<CancellationToken, ValueTask<T>>>> GetEnumerator() => _loaders.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
