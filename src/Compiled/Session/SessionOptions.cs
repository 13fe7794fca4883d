using Microsoft.Extensions.Logging;

namespace Compiled;

/// <summary>How a session is created: which environment, where the project is, hooks and logging.</summary>
public sealed class SessionOptions
{
    /// <summary>The name of the environment variable that chooses the environment when <see cref="Environment"/> is not set.</summary>
    public const string EnvironmentVariable = "COMPILED_ENV";

    /// <summary>The name of the environment variable that points at the project directory when <see cref="ProjectPath"/> is not set.</summary>
    public const string ProjectPathVariable = "COMPILED_PROJECT_PATH";

    /// <summary>
    /// The configuration environment (<c>conf/&lt;environment&gt;</c> overrides <c>conf/base</c>).
    /// Defaults to <c>COMPILED_ENV</c>, then <c>local</c>, as in Kedro.
    /// </summary>
    public string? Environment { get; init; }

    /// <summary>
    /// The project directory (the one holding <c>conf/base</c>). Defaults to <c>COMPILED_PROJECT_PATH</c>,
    /// then the nearest directory with <c>conf/base</c> above the working directory, then above the application's directory.
    /// </summary>
    public string? ProjectPath { get; init; }

    /// <summary>Hooks called around every run, node and dataset access of the session.</summary>
    public IReadOnlyList<PipelineHook> Hooks { get; init; } = [];

    /// <summary>When set, each run and node is logged (category <c>Compiled.Run</c>).</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>
    /// Serialization metadata for the catalog's <c>json</c> datasets: typically a
    /// <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> that lists the types they hold
    /// (<c>[JsonSerializable(typeof(Regressor))]</c>). Its metadata is used with the datasets' own options
    /// (snake_case names, …). Required in trimmed and native AOT applications, where reflection-based
    /// serialization is off; elsewhere optional, reflection covering the types it does not list.
    /// </summary>
    public System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver? JsonTypeInfoResolver { get; init; }

    /// <summary>
    /// The object stores the catalog's file datasets may use, each for its URL schemes: e.g.
    /// <c>[new AzureBlobFileStoreProvider(), new S3FileStoreProvider()]</c> from the packages
    /// <c>Compiled.Storage.Azure</c> and <c>Compiled.Storage.S3</c> make <c>abfs://</c>, <c>az://</c> and
    /// <c>s3://</c> file paths work. Paths without a scheme are local files.
    /// </summary>
    public IReadOnlyList<Storage.IFileStoreProvider> FileStores { get; init; } = [];
}
