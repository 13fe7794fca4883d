namespace Compiled.Pipelines;

/// <summary>Where the data of a dataset lives between and during runs.</summary>
public enum DatasetStorage
{
    /// <summary>No catalog entry: the value exists only during a run, passed from the node that produces it to the nodes that read it.</summary>
    Memory,

    /// <summary>A <c>type: memory</c> catalog entry: held by the session's catalog, not persisted.</summary>
    CatalogMemory,

    /// <summary>A catalog entry backed by a file or a database: it can be loaded in a later run, and checked with <see cref="IDataset{T}.Exists"/>.</summary>
    Persisted,

    /// <summary>A runtime input of the pipeline (<c>[Pipeline(Inputs = …)]</c>): given by the caller of each run.</summary>
    RuntimeInput,
}

/// <summary>A dataset a pipeline reads or writes, as the runners and the command line see it.</summary>
public sealed class DatasetDefinition
{
    /// <summary>Describes a dataset.</summary>
    /// <param name="name">The dataset's name (with its namespace prefix, if any).</param>
    /// <param name="storage">Where its data lives.</param>
    /// <param name="type">The catalog entry's <c>type</c> (<c>csv</c>, <c>parquet</c>, …), or null without an entry.</param>
    /// <param name="dataType">The C# type nodes read and write, as written in C#.</param>
    /// <param name="isArtifact">Loaded once per session and shared by runs (<c>[Pipeline(Artifacts = …)]</c>).</param>
    /// <param name="requiredRuntimeValues">The <c>${runtime:…}</c> values without a default that its catalog entry needs.</param>
    public DatasetDefinition(string name, DatasetStorage storage, string? type, string dataType, bool isArtifact = false, IReadOnlyList<string>? requiredRuntimeValues = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Storage = storage;
        Type = type;
        DataType = dataType;
        IsArtifact = isArtifact;
        RequiredRuntimeValues = requiredRuntimeValues ?? [];
    }

    /// <summary>The dataset's name (with its namespace prefix, if any).</summary>
    public string Name { get; }

    /// <summary>Where its data lives.</summary>
    public DatasetStorage Storage { get; }

    /// <summary>The catalog entry's <c>type</c> (<c>csv</c>, <c>parquet</c>, …), or null without an entry.</summary>
    public string? Type { get; }

    /// <summary>The C# type nodes read and write.</summary>
    public string DataType { get; }

    /// <summary>Loaded once per session and shared by runs.</summary>
    public bool IsArtifact { get; }

    /// <summary>The <c>${runtime:…}</c> values without a default that its catalog entry needs.</summary>
    public IReadOnlyList<string> RequiredRuntimeValues { get; }

    /// <summary>Whether a run can load it from the catalog (a catalog entry, persisted or in memory).</summary>
    public bool IsInCatalog => Storage is DatasetStorage.Persisted or DatasetStorage.CatalogMemory;

    /// <summary>Whether it outlives the run in a file or database (Kedro: not ephemeral).</summary>
    public bool IsPersisted => Storage == DatasetStorage.Persisted;

    /// <inheritdoc />
    public override string ToString() => Name;
}
