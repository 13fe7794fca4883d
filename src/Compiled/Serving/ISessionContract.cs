namespace Compiled;

/// <summary>
/// What a host needs to know about a project's session type to create it, preload its artifacts by
/// name and offer its pipelines as services. The generator implements it on every <c>{Project}Session</c>
/// (in <c>{Project}Session.Contract.g.cs</c>); <c>Compiled.Hosting</c>'s <c>AddCompiledSession&lt;TSession&gt;</c> uses it.
/// </summary>
/// <typeparam name="TSelf">The session class itself.</typeparam>
public interface ISessionContract<TSelf> where TSelf : Session, ISessionContract<TSelf>
{
    /// <summary>Creates a session, as <c>{Project}Project.CreateSession</c> does.</summary>
    /// <param name="options">The environment, project path, hooks and logging.</param>
    /// <exception cref="Config.ConfigException">The project or its configuration cannot be read.</exception>
    static abstract TSelf Create(SessionOptions options);

    /// <summary>The catalog entries that can be preloaded by name (those whose configuration has no <c>${runtime:…}</c> value).</summary>
    static abstract IReadOnlyList<string> Datasets { get; }

    /// <summary>The artifacts the project's pipelines declare (<c>[Pipeline(Artifacts = …)]</c>), each once.</summary>
    static abstract IReadOnlyList<string> Artifacts { get; }

    /// <summary>Calls <paramref name="registry"/> once per pipeline of the project, with the pipeline's type and how to get it from a session.</summary>
    /// <param name="registry">Receives the pipelines.</param>
    static abstract void DescribePipelines(IPipelineRegistry<TSelf> registry);

    /// <summary>Loads catalog entry <paramref name="dataset"/> now and keeps it as a shared artifact (<see cref="Session.Preload{T}"/>).</summary>
    /// <param name="dataset">A name from <see cref="Datasets"/>.</param>
    /// <exception cref="ArgumentException">No entry of that name can be preloaded; the message lists those that can.</exception>
    /// <exception cref="DatasetException">The dataset cannot be loaded.</exception>
    void Preload(string dataset);

    /// <summary>Whether the session holds a loaded copy of catalog entry <paramref name="dataset"/>.</summary>
    /// <param name="dataset">A name from <see cref="Datasets"/>.</param>
    /// <exception cref="ArgumentException">No entry of that name can be preloaded.</exception>
    bool IsPreloaded(string dataset);
}
