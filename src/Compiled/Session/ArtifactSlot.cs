using System.Runtime.CompilerServices;

namespace Compiled;

/// <summary>
/// The place of one artifact in a session: a typed field that generated runs read directly, with no lookup by name.
/// The artifact is loaded on first use, exactly once however many runs ask at the same time; a failed load is not kept
/// (the next use tries again); <see cref="Session.Release{T}"/> empties the slot, so the next use loads it again.
/// Every generated session has one slot per artifact its pipelines declare (<c>[Pipeline(Artifacts = …)]</c>).
/// </summary>
/// <typeparam name="T">The artifact's type: the dataset's data type.</typeparam>
public sealed class ArtifactSlot<T> : ArtifactSlot
{
    private readonly Func<IDataset<T>> _dataset;
    private readonly object _owner;
    private readonly Lock _lock = new();
    private Loaded? _loaded; // null until loaded, and again after Release; replaced whole, so a reader never sees half of it
    // A reference-type artifact also sits here, set and cleared with _loaded: the hot path reads it with one load (not the
    // box and then its value). A reference is written whole, so a reader sees the artifact or null, never half of it; a
    // loaded null stays in the box only, and is read through the slow path.
    private T? _value;
    private bool _closed;

    internal ArtifactSlot(string name, Func<IDataset<T>> dataset, object owner)
        : base(name)
    {
        _dataset = dataset;
        _owner = owner;
    }

    /// <summary>
    /// The artifact, loaded now if the slot is empty (without hooks: generated code calls this on the path of a session
    /// that has none). One read and one test when it is loaded (for a value type, or a null artifact: two reads).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The session is disposed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Get()
    {
        if (!typeof(T).IsValueType)
        {
            // One load and a test inlined into the run; the rest (a null artifact, an empty slot) is a call.
            var value = _value;
            return value is not null ? value : GetLoaded();
        }

        var loaded = _loaded;
        return loaded is not null ? loaded.Value : LoadUnobserved();
    }

    /// <summary>
    /// The artifact if the slot holds it, without loading anything: generated runs test every slot they read once, up
    /// front, and take their loading body (<see cref="Get()"/>, node by node) when one is empty. One read and one test
    /// for a reference-type artifact (a loaded null artifact is reported as not loaded: <see cref="Get()"/> returns it);
    /// two reads for a value type.
    /// </summary>
    /// <param name="artifact">The artifact, when the method returns true.</param>
    /// <returns>Whether the slot holds the artifact (and, for a reference type, the artifact is not null).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetLoaded(out T artifact)
    {
        if (!typeof(T).IsValueType)
        {
            artifact = _value!;
            return artifact is not null;
        }

        var loaded = _loaded;
        artifact = loaded is not null ? loaded.Value : default!;
        return loaded is not null;
    }

    /// <summary>The artifact, loaded now through <paramref name="run"/> (its hooks see the load) if the slot is empty.</summary>
    /// <param name="run">The run that needs it.</param>
    /// <exception cref="ObjectDisposedException">The session is disposed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Get(in RunContext run)
    {
        if (!typeof(T).IsValueType && _value is { } value) return value;
        var loaded = _loaded;
        return loaded is not null ? loaded.Value : LoadObserved(run);
    }

    internal override bool IsLoaded => Volatile.Read(ref _loaded) is not null;

    /// <summary>The artifact, loaded from <paramref name="dataset"/> through <paramref name="run"/> if the slot is empty (<see cref="Session.Preload{T}"/>).</summary>
    internal T Preload(IDataset<T> dataset, in RunContext run)
    {
        var loaded = Volatile.Read(ref _loaded);
        return loaded is not null ? loaded.Value : Load(run, dataset);
    }

    internal override bool Release()
    {
        lock (_lock) // waits for a load under way, so that what it loaded is released too
        {
            var held = _loaded is not null;
            _value = default;
            _loaded = null;
            return held;
        }
    }

    internal override bool TryClose(out object? artifact)
    {
        lock (_lock)
        {
            _closed = true;
            var loaded = _loaded;
            _value = default;
            _loaded = null;
            if (loaded is null)
            {
                artifact = null;
                return false;
            }

            artifact = loaded.Value;
            return true;
        }
    }

    // A reference-type artifact that is null, or a slot not loaded yet.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private T GetLoaded()
    {
        var loaded = _loaded;
        return loaded is not null ? loaded.Value : LoadUnobserved();
    }

    // The slow paths are calls of their own: the caller's hot path then holds no RunContext (whose references the JIT
    // would zero on every call of a method with a try region, as generated runs are).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private T LoadUnobserved() => Load(default, null);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private T LoadObserved(in RunContext run) => Load(run, null);

    private T Load(in RunContext run, IDataset<T>? dataset)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, _owner);
            if (_loaded is { } loaded) return loaded.Value; // another run loaded it while this one waited
            var source = dataset ?? _dataset();
            var value = run.HasHooks ? run.Load(source) : source.Load();
            Volatile.Write(ref _loaded, new Loaded(value)); // only a load that returned is kept
            // Published after the box, with release semantics (Volatile.Write needs a class type: the field is one here).
            if (!typeof(T).IsValueType) Volatile.Write(ref Unsafe.As<T?, object?>(ref _value), value);
            return value;
        }
    }

    private sealed class Loaded(T value)
    {
        public readonly T Value = value;
    }
}

/// <summary>What a session's artifact registry needs of a slot of any type (see <see cref="ArtifactSlot{T}"/>).</summary>
public abstract class ArtifactSlot
{
    private protected ArtifactSlot(string name) => Name = name;

    /// <summary>The artifact's dataset name.</summary>
    public string Name { get; }

    internal abstract bool IsLoaded { get; }

    internal abstract bool Release();

    // Empties the slot for good (the session is disposed): the artifact it held, if any, for disposal.
    internal abstract bool TryClose(out object? artifact);
}
