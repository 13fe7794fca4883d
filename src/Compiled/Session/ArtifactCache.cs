using System.Collections.Concurrent;

namespace Compiled;

/// <summary>
/// Artifacts shared by all runs of a session: each loaded exactly once, even when many runs ask at
/// the same time; a failed load is not cached; a released artifact is loaded again on next use.
/// </summary>
internal sealed class ArtifactCache
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

    private abstract class Slot
    {
        public abstract bool IsLoaded { get; }
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
    }
}
