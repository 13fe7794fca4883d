namespace Compiled.Generators.Model;

/// <summary>
/// What the project-wide generated files (catalog, parameters, session, the session's pipeline list and contract) need:
/// no pipeline's plan, only each pipeline's names and the artifacts the session can preload, so that an edit inside one
/// pipeline leaves them as they were. No diagnostics: the analyzers report them.
/// </summary>
/// <param name="Pipelines">Each pipeline's names, in declaration order.</param>
/// <param name="Artifacts">The artifacts the pipelines load whose entries take no <c>${runtime:…}</c> value (those can be preloaded by name), each once.</param>
/// <param name="IsEmpty">Nothing to compile: no pipeline, no catalog entry, no parameter, no problem. Such a project gets no session.</param>
internal sealed record SessionOutputModel(
    ProjectInfo Info,
    EquatableArray<CatalogEntryModel> Catalog,
    ParametersModel Parameters,
    EquatableArray<PipelineMemberModel> Pipelines,
    EquatableArray<ArtifactMemberModel> Artifacts,
    bool IsEmpty)
{
    /// <summary>The project-wide part of <paramref name="project"/>.</summary>
    public static SessionOutputModel From(ProjectModel project) => new(
        project.Info,
        project.Catalog,
        project.Parameters,
        project.Pipelines.Select(p => new PipelineMemberModel(p.Namespace, p.ClassName, p.Name, p.PropertyName, RemoteValuesModel.For(p))).ToEquatableArray(),
        project.Pipelines
            .SelectMany(p => p.Datasets.Where(d => d.IsArtifact && d.IsLoaded && d.Entry!.RuntimeValues.IsEmpty))
            .GroupBy(d => d.Name, StringComparer.Ordinal)
            .Select(g => new ArtifactMemberModel(g.Key, g.First().Entry!.PropertyName))
            .ToEquatableArray(),
        IsEmpty: project.Pipelines.IsEmpty && project.Catalog.IsEmpty && project.Diagnostics.IsEmpty &&
            project.Parameters.Records.All(record => record.Properties.IsEmpty));
}

/// <summary>A pipeline as the session names it: its class, its run name and the session property that exposes it.</summary>
/// <param name="RemoteValues">Its runtime inputs and outputs when a remote run can carry them as typed values; null otherwise.</param>
internal sealed record PipelineMemberModel(string? Namespace, string ClassName, string Name, string PropertyName, RemoteValuesModel? RemoteValues);

/// <summary>An artifact the session can preload by name, and the catalog property that gives it.</summary>
internal sealed record ArtifactMemberModel(string Name, string CatalogProperty);
