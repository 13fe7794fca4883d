using Compiled.Config;
using Compiled.Pipelines;

namespace Compiled;

/// <summary>
/// Resolves, before a pipeline's first node runs, the credentials of every catalog dataset the pipeline touches, with their
/// <c>${env:…}</c> values: a missing credential or environment variable stops the run before anything was loaded or
/// written, not at the node that saves, after the nodes before it wrote their files. Checked once per pipeline and session
/// (the configuration is read once per session); a check that fails is tried again by the next run.
/// </summary>
internal sealed class DatasetPreflight(ProjectConfig config, Func<string, PipelineDefinition?> findPipeline)
{
    /// <summary>The keys of a catalog entry that name credentials (<c>credentials</c>; <c>connection</c> of <c>sql</c> entries).</summary>
    private static readonly string[] CredentialKeys = ["credentials", "connection"];

    private readonly Lock _gate = new();
    private string[] _checked = [];

    /// <summary>Checks <paramref name="pipelineName"/>'s datasets unless this session already did.</summary>
    /// <exception cref="ConfigException">A dataset names credentials that do not exist, or that need an environment variable that is not set.</exception>
    public void EnsureChecked(string pipelineName)
    {
        // The generated Run passes its Name constant, so string equality stops at the reference comparison.
        if (Array.IndexOf(Volatile.Read(ref _checked), pipelineName) >= 0) return;
        if (findPipeline(pipelineName) is { } definition) Check(definition);
        lock (_gate)
        {
            if (Array.IndexOf(_checked, pipelineName) < 0) Volatile.Write(ref _checked, [.. _checked, pipelineName]);
        }
    }

    private void Check(PipelineDefinition pipeline)
    {
        foreach (var dataset in pipeline.Datasets)
        {
            if (!dataset.IsInCatalog) continue;
            DatasetConfig entry;
            try
            {
                entry = config.GetDataset(dataset.Name);
            }
            catch (ConfigException)
            {
                continue; // a missing or malformed entry is reported where it is used: a run may replace the dataset (Inputs)
            }

            foreach (var key in CredentialKeys)
            {
                if (entry.Entry[key] is not ConfigScalar { Value: { } name } scalar) continue;
                if (name.Contains("${runtime:", StringComparison.Ordinal)) continue; // known only when a run gives the value
                if (key == "connection" && !entry.Type.StartsWith("sql", StringComparison.Ordinal)) continue;
                try
                {
                    config.GetCredentials(name, scalar.Location);
                }
                catch (ConfigException exception)
                {
                    throw new ConfigException(
                        $"pipeline '{pipeline.Name}' did not start (nothing was loaded or written): dataset '{dataset.Name}' {exception.Problem}",
                        exception.Location, exception);
                }
            }
        }
    }
}
