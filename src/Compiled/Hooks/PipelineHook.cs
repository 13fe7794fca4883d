namespace Compiled;

/// <summary>
/// Kedro's hooks, typed: override what you need. Registered on a session through
/// <see cref="SessionOptions.Hooks"/>; called for every run of that session, from the run's thread,
/// so implementations must be thread-safe. A session with no hooks pays one null check per call site.
/// </summary>
public abstract class PipelineHook
{
    /// <summary>Before the first node of a run.</summary>
    public virtual void BeforePipelineRun(in RunParams run) { }

    /// <summary>After the last node of a run completed.</summary>
    public virtual void AfterPipelineRun(in RunParams run) { }

    /// <summary>A run failed; <paramref name="error"/> is the <see cref="PipelineRunException"/> it throws.</summary>
    public virtual void OnPipelineError(in RunParams run, PipelineRunException error) { }

    /// <summary>Before a node is called (its inputs are loaded).</summary>
    public virtual void BeforeNodeRun(in RunParams run, string node) { }

    /// <summary>After a node returned (before its outputs are saved).</summary>
    public virtual void AfterNodeRun(in RunParams run, string node) { }

    /// <summary>A node, or the loading or saving of its data, threw <paramref name="error"/>.</summary>
    public virtual void OnNodeError(in RunParams run, string node, Exception error) { }

    /// <summary>Before a catalog dataset is loaded.</summary>
    public virtual void BeforeDatasetLoaded(in RunParams run, string dataset) { }

    /// <summary>After a catalog dataset was loaded.</summary>
    public virtual void AfterDatasetLoaded(in RunParams run, string dataset) { }

    /// <summary>Before a node output is saved to the catalog.</summary>
    public virtual void BeforeDatasetSaved(in RunParams run, string dataset) { }

    /// <summary>After a node output was saved to the catalog.</summary>
    public virtual void AfterDatasetSaved(in RunParams run, string dataset) { }
}
