using System.Collections.Concurrent;

namespace Compiled;

/// <summary>
/// Artifacts shared by all runs of a session: each loaded exactly once, even when many runs ask at
/// the same time; a failed load is not cached; a released artifact is loaded again on next use.
/// Disposing the cache disposes the artifacts it holds that are <see cref="IDisposable"/> or
/// <see cref="IAsyncDisposable"/>, each once (a released artifact is not the cache's any more: runs may still use it).
/// </summary>
internal sealed class ArtifactCache : IDisposable, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>The shared copy of <paramref name="dataset"/>, loading it with <paramref name="load"/> if no copy is held.</summary>
    public T Get<T>(IDataset<T> dataset, Func<IDataset<T>, T> load)
    {
        var slot = (Slot<T>)_slots.GetOrAdd(dataset.Name, static (_, d) => new Slot<T>(d), dataset);
        try
        {
            return slot.GetOrLoad(load);
        }
        catch
        {
            _slots.TryRemove(new KeyValuePair<string, Slot>(dataset.Name, slot));
            throw;
        }
    }

    /// <summary>The shared copy of <paramref name="dataset"/> if one is loaded; never loads.</summary>
    public bool TryGetLoaded<T>(IDataset<T> dataset, out T value)
    {
        if (_slots.TryGetValue(dataset.Name, out var slot) && slot is Slot<T> typed && typed.IsLoaded)
        {
            value = typed.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public bool IsLoaded(string name) => _slots.TryGetValue(name, out var slot) && slot.IsLoaded;

    public bool Release(string name) => _slots.TryRemove(name, out _);

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

    // Empties the cache and returns what it held, so that each artifact is handed out for disposal once.
    private List<object> TakeLoaded()
    {
        var loaded = new List<object>();
        foreach (var name in _slots.Keys)
        {
            if (_slots.TryRemove(name, out var slot) && slot.IsLoaded && slot.Boxed is { } artifact) loaded.Add(artifact);
        }

        return loaded;
    }

    private abstract class Slot
    {
        public abstract bool IsLoaded { get; }

        public abstract object? Boxed { get; }
    }

    private sealed class Slot<T>(IDataset<T> dataset) : Slot
    {
        private readonly Lock _lock = new();
        private T _value = default!;
        private volatile bool _loaded;

        public T GetOrLoad(Func<IDataset<T>, T> load)
        {
            if (_loaded) return _value;
            lock (_lock)
            {
                if (!_loaded)
                {
                    _value = load(dataset);
                    _loaded = true;
                }
            }

            return _value;
        }

        public T Value => _value;

        public override bool IsLoaded => _loaded;

        public override object? Boxed => _value;
    }
}
