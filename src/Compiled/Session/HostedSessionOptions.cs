using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace Compiled;

/// <summary>
/// How a host that shares one session between all its runs creates it and which artifacts it preloads when it starts:
/// the common part of a web application's options (<c>Compiled.Hosting</c>'s <c>CompiledSessionOptions</c>) and an
/// Orleans silo's (<c>Compiled.Orleans</c>' <c>CompiledSiloOptions</c>).
/// </summary>
public abstract class HostedSessionOptions
{
    /// <summary>The configuration environment (<c>conf/&lt;environment&gt;</c>); see <see cref="SessionOptions.Environment"/>.</summary>
    public string? Environment { get; set; }

    /// <summary>
    /// The project directory (the one holding <c>conf/base</c>); see <see cref="SessionOptions.ProjectPath"/>. Relative to the
    /// working directory. Every host (every silo of a cluster) must reach the data its catalog names.
    /// </summary>
    public string? ProjectPath { get; set; }

    /// <summary>
    /// The catalog entries loaded when the host starts, before it runs anything, and kept as shared artifacts. When null,
    /// every artifact the project's pipelines declare (<c>[Pipeline(Artifacts = …)]</c>); empty for none.
    /// </summary>
    public IList<string>? Preload { get; set; }

    /// <summary>Whether runs are traced through the <c>Compiled</c> activity source (<see cref="TracingHook"/>). On by default.</summary>
    public bool Tracing { get; set; } = true;

    /// <summary>
    /// Serialization metadata for the catalog's <c>json</c> datasets (and, on a silo, for what crosses the wire), such as a
    /// source-generated <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>; see
    /// <see cref="SessionOptions.JsonTypeInfoResolver"/>. Set in code only.
    /// </summary>
    public IJsonTypeInfoResolver? JsonTypeInfoResolver { get; set; }

    /// <summary>
    /// The object stores the catalog's file datasets may use (<c>s3://</c>, <c>abfs://</c> paths); see
    /// <see cref="SessionOptions.FileStores"/>. Set in code only.
    /// </summary>
    public IReadOnlyList<Storage.IFileStoreProvider> FileStores { get; set; } = [];

    /// <summary>
    /// Creates the host's session: the <see cref="TracingHook"/> first when <see cref="Tracing"/> is on, then <paramref name="hooks"/>;
    /// with <paramref name="loggerFactory"/>, the session logs its runs (<see cref="SessionOptions.LoggerFactory"/>).
    /// </summary>
    /// <typeparam name="TSession">The project's generated session.</typeparam>
    /// <param name="hooks">The host's hooks.</param>
    /// <param name="loggerFactory">The host's logging, or null.</param>
    /// <exception cref="Config.ConfigException">The project or its configuration cannot be read; the message names the file and line.</exception>
    public TSession CreateSession<TSession>(IEnumerable<PipelineHook> hooks, ILoggerFactory? loggerFactory)
        where TSession : Session, ISessionContract<TSession>
    {
        ArgumentNullException.ThrowIfNull(hooks);
        var all = new List<PipelineHook>();
        if (Tracing) all.Add(new TracingHook());
        all.AddRange(hooks);
        return TSession.Create(new SessionOptions
        {
            Environment = Environment,
            ProjectPath = ProjectPath,
            LoggerFactory = loggerFactory,
            Hooks = all,
            JsonTypeInfoResolver = JsonTypeInfoResolver,
            FileStores = FileStores,
        });
    }

    /// <summary>The artifacts to preload when the host starts: <see cref="Preload"/>, or every artifact the project declares.</summary>
    /// <typeparam name="TSession">The project's generated session.</typeparam>
    public IReadOnlyList<string> ArtifactsToPreload<TSession>() where TSession : Session, ISessionContract<TSession> =>
        Preload is { } preload ? [.. preload] : TSession.Artifacts;
}
