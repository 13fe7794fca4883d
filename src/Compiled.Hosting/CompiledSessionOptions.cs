using System.Text.Json.Serialization.Metadata;

namespace Compiled.Hosting;

/// <summary>
/// How <see cref="CompiledServiceCollectionExtensions.AddCompiledSession{TSession}"/> creates the session.
/// Bound from the configuration section <c>Compiled</c> (<c>appsettings.json</c>, environment variables
/// such as <c>Compiled__Environment</c>, the command line), then changed by the code that registers it.
/// </summary>
/// <example>
/// <code>
/// "Compiled": {
///   "Environment": "prod",
///   "ProjectPath": "../Spaceflights",
///   "Preload": [ "regressor" ]
/// }
/// </code>
/// </example>
public sealed class CompiledSessionOptions
{
    /// <summary>The name of the configuration section the options are read from: <c>Compiled</c>.</summary>
    public const string SectionName = "Compiled";

    /// <summary>The configuration environment (<c>conf/&lt;environment&gt;</c>); see <see cref="SessionOptions.Environment"/>.</summary>
    public string? Environment { get; set; }

    /// <summary>The project directory (the one holding <c>conf/base</c>); see <see cref="SessionOptions.ProjectPath"/>. Relative to the working directory.</summary>
    public string? ProjectPath { get; set; }

    /// <summary>
    /// The catalog entries loaded when the application starts, before it serves its first request, and kept as
    /// shared artifacts. When null, every artifact the project's pipelines declare (<c>[Pipeline(Artifacts = …)]</c>);
    /// empty for none.
    /// </summary>
    public IList<string>? Preload { get; set; }

    /// <summary>Whether runs are traced through the <c>Compiled</c> activity source (<see cref="TracingHook"/>). On by default.</summary>
    public bool Tracing { get; set; } = true;

    /// <summary>
    /// Serialization metadata for the catalog's <c>json</c> datasets, such as a source-generated
    /// <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>; required in native AOT
    /// applications. See <see cref="SessionOptions.JsonTypeInfoResolver"/>. Set in code only.
    /// </summary>
    public IJsonTypeInfoResolver? JsonTypeInfoResolver { get; set; }

    /// <summary>
    /// The object stores the catalog's file datasets may use (<c>s3://</c>, <c>abfs://</c> paths), e.g.
    /// <c>[new AzureBlobFileStoreProvider()]</c>. See <see cref="SessionOptions.FileStores"/>. Set in code only.
    /// </summary>
    public IReadOnlyList<Compiled.Storage.IFileStoreProvider> FileStores { get; set; } = [];
}
