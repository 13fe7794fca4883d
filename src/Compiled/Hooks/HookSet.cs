namespace Compiled;

/// <summary>
/// The hooks of a session, called in registration order with a read-only view of the run (<see cref="RunParams"/>).
/// Absent (null) when none are registered.
/// </summary>
internal sealed class HookSet
{
    private readonly PipelineHook[] _hooks;

    private HookSet(PipelineHook[] hooks) => _hooks = hooks;

    public static HookSet? Create(IEnumerable<PipelineHook> hooks)
    {
        var array = hooks.ToArray();
        return array.Length == 0 ? null : new HookSet(array);
    }

    public void BeforePipelineRun(in RunContext run)
    {
        var view = new RunParams(run);
        foreach (var hook in _hooks) hook.BeforePipelineRun(view);
    }

    public void AfterPipelineRun(in RunContext run)
    {
        var view = new RunParams(run);
        foreach (var hook in _hooks) hook.AfterPipelineRun(view);
    }

    public void OnPipelineError(in RunContext run, PipelineRunException error)
    {
        var view = new RunParams(run);
        foreach (var hook in _hooks) hook.OnPipelineError(view, error);
    }

    public void BeforeNodeRun(in RunContext run, string node)
    {
        var view = new RunParams(run);
        foreach (var hook in _hooks) hook.BeforeNodeRun(view, node);
    }

    public void AfterNodeRun(in RunContext run, string node)
    {
        var view = new RunParams(run);
        foreach (var hook in _hooks) hook.AfterNodeRun(view, node);
    }

    public void OnNodeError(in RunContext run, string node, Exception error)
    {
        var view = new RunParams(run);
        foreach (var hook in _hooks) hook.OnNodeError(view, node, error);
    }

    public void BeforeDatasetLoaded(in RunContext run, string dataset)
    {
        var view = new RunParams(run);
        foreach (var hook in _hooks) hook.BeforeDatasetLoaded(view, dataset);
    }

    public void AfterDatasetLoaded(in RunContext run, string dataset)
    {
        var view = new RunParams(run);
        foreach (var hook in _hooks) hook.AfterDatasetLoaded(view, dataset);
    }

    public void BeforeDatasetSaved(in RunContext run, string dataset)
    {
        var view = new RunParams(run);
        foreach (var hook in _hooks) hook.BeforeDatasetSaved(view, dataset);
    }

    public void AfterDatasetSaved(in RunContext run, string dataset)
    {
        var view = new RunParams(run);
        foreach (var hook in _hooks) hook.AfterDatasetSaved(view, dataset);
    }
}
