using System.Collections.Concurrent;

namespace Compiled;

/// <summary>
/// Artifacts shared by all runs of a session: each loaded exactly once, even when many runs ask at
/// the same time; a failed load is not cached; a released artifact is loaded again on next use.
/// </summary>
internal sealed class ArtifactCache
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    public T Get<T>(IDataset<T> dataset)
    {
        var slot = (Slot<T>)_slots.GetOrAdd(dataset.Name, static (_, d) => new Slot<T>(d), dataset);
        try
        {
            return slot.Value;
        }
        catch
        {
            _slots.TryRemove(new KeyValuePair<string, Slot>(dataset.Name, slot));
            throw;
        }
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

        public T Value
        {
            get
            {
                if (_loaded) return _value;
                lock (_lock)
                {
                    if (!_loaded)
                    {
                        _value = dataset.Load();
                        _loaded = true;
                    }
                }

                return _value;
            }
        }

        public override bool IsLoaded => _loaded;
    }
}
