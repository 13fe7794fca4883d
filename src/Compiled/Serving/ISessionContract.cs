namespace Compiled;

/// <summary>
/// What a host needs to know about a project's session type to create it, preload its artifacts by
/// name and offer its pipelines as services. Only artifacts can be preloaded: they are what runs share
/// (<c>[Pipeline(Artifacts = …)]</c>); every other catalog input is loaded by each run that reads it. The generator implements it on every <c>{Project}Session</c>
/// (in <c>{Project}Session.Contract.g.cs</c>); <c>Compiled.Hosting</c>'s <c>AddCompiledSession&lt;TSession&gt;</c> uses it.
/// </summary>
/// <typeparam name="TSelf">The session class itself.</typeparam>
public interface ISessionContract<TSelf> where TSelf : Session, ISessionContract<TSelf>
{
    /// <summary>Creates a session, as <c>{Project}Project.CreateSession</c> does.</summary>
    /// <param name="options">The environment, project path, hooks and logging.</param>
    /// <exception cref="Config.ConfigException">The project or its configuration cannot be read.</exception>
    static abstract TSelf Create(SessionOptions options);

    /// <summary>The artifacts the project's pipelines declare (<c>[Pipeline(Artifacts = …)]</c>), each once.</summary>
    static abstract IReadOnlyList<string> Artifacts { get; }

    /// <summary>Calls <paramref name="registry"/> once per pipeline of the project, with the pipeline's type and how to get it from a session.</summary>
    /// <param name="registry">Receives the pipelines.</param>
    static abstract void DescribePipelines(IPipelineRegistry<TSelf> registry);

    /// <summary>Loads artifact <paramref name="artifact"/> now and keeps it for every run that declares it (<see cref="Session.Preload{T}"/>).</summary>
    /// <param name="artifact">A name from <see cref="Artifacts"/>.</param>
    /// <exception cref="ArgumentException">No pipeline declares that artifact; the message lists those that are declared.</exception>
    /// <exception cref="DatasetException">The dataset cannot be loaded.</exception>
    void Preload(string artifact);

    /// <summary>Whether the session holds a loaded copy of artifact <paramref name="artifact"/>.</summary>
    /// <param name="artifact">A name from <see cref="Artifacts"/>.</param>
    /// <exception cref="ArgumentException">No pipeline declares that artifact.</exception>
    bool IsPreloaded(string artifact);
}
