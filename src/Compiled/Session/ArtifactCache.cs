using System.Collections.Concurrent;

namespace Compiled;

/// <summary>
/// The artifacts of a session by name: one <see cref="ArtifactSlot{T}"/> per artifact, made when the generated session
/// declares it (its runs then read the slot directly) or when an artifact no pipeline declares is preloaded. Each is
/// loaded exactly once, even when many runs ask at the same time; a failed load is not kept; a released artifact is
/// loaded again on next use. Disposing the cache disposes the artifacts it holds that are <see cref="IDisposable"/> or
/// <see cref="IAsyncDisposable"/>, each once (a released artifact is not the cache's any more: runs may still use it),
/// and closes every slot: a run that needs an artifact afterwards gets an <see cref="ObjectDisposedException"/>.
/// </summary>
internal sealed class ArtifactCache(object owner) : IDisposable, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ArtifactSlot> _slots = new(StringComparer.Ordinal);

    /// <summary>The slot of artifact <paramref name="name"/>, made on first call; <paramref name="dataset"/> gives its dataset when it is first loaded.</summary>
    /// <exception cref="InvalidOperationException">The name already has a slot of another type.</exception>
    public ArtifactSlot<T> Slot<T>(string name, Func<IDataset<T>> dataset) =>
        _slots.GetOrAdd(name, static (n, state) => new ArtifactSlot<T>(n, state.dataset, state.owner), (dataset, owner)) as ArtifactSlot<T>
        ?? throw new InvalidOperationException(
            $"Artifact '{name}' is already held as another type than {typeof(T).Name}; load it through the catalog's own dataset.");

    /// <summary>The shared copy of <paramref name="dataset"/>, loading it through <paramref name="run"/> if no copy is held.</summary>
    public T Preload<T>(IDataset<T> dataset, in RunContext run) => SlotOf(dataset).Preload(dataset, run);

    /// <summary>The shared copy of <paramref name="dataset"/>, loading it through <paramref name="run"/> if no copy is held.</summary>
    public T Get<T>(IDataset<T> dataset, in RunContext run) => SlotOf(dataset).Get(run);

    public bool IsLoaded(string name) => _slots.TryGetValue(name, out var slot) && slot.IsLoaded;

    public bool Release(string name) => _slots.TryGetValue(name, out var slot) && slot.Release();

    /// <summary>Disposes the artifacts held (and forgets them); every one is disposed even when one throws.</summary>
    /// <exception cref="AggregateException">Disposing one or more artifacts threw.</exception>
    public void Dispose()
    {
        List<Exception>? errors = null;
        foreach (var artifact in TakeLoaded())
        {
            try
            {
                if (artifact is IDisposable disposable) disposable.Dispose();
                else if (artifact is IAsyncDisposable asyncDisposable) asyncDisposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                (errors ??= []).Add(exception);
            }
        }

        if (errors is not null) throw new AggregateException("Disposing the session's artifacts failed.", errors);
    }

    /// <summary>Disposes the artifacts held (and forgets them), asynchronously where they can be.</summary>
    /// <exception cref="AggregateException">Disposing one or more artifacts threw.</exception>
    public async ValueTask DisposeAsync()
    {
        List<Exception>? errors = null;
        foreach (var artifact in TakeLoaded())
        {
            try
            {
                if (artifact is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                else if (artifact is IDisposable disposable) disposable.Dispose();
            }
            catch (Exception exception)
            {
                (errors ??= []).Add(exception);
            }
        }

        if (errors is not null) throw new AggregateException("Disposing the session's artifacts failed.", errors);
    }

    // The slot of a dataset's name; the closure that makes one is only allocated the first time.
    private ArtifactSlot<T> SlotOf<T>(IDataset<T> dataset) =>
        _slots.TryGetValue(dataset.Name, out var slot) && slot is ArtifactSlot<T> typed ? typed : Slot(dataset.Name, () => dataset);

    // Closes every slot and returns what they held, so that each artifact is handed out for disposal once.
    private List<object> TakeLoaded()
    {
        var loaded = new List<object>();
        foreach (var slot in _slots.Values)
        {
            if (slot.TryClose(out var artifact) && artifact is not null) loaded.Add(artifact);
        }

        return loaded;
    }
}
