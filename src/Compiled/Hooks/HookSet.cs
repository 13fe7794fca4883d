namespace Compiled;

/// <summary>The hooks of a session, called in registration order. Absent (null) when none are registered.</summary>
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
        foreach (var hook in _hooks) hook.BeforePipelineRun(run);
    }

    public void AfterPipelineRun(in RunContext run)
    {
        foreach (var hook in _hooks) hook.AfterPipelineRun(run);
    }

    public void OnPipelineError(in RunContext run, PipelineRunException error)
    {
        foreach (var hook in _hooks) hook.OnPipelineError(run, error);
    }

    public void BeforeNodeRun(in RunContext run, string node)
    {
        foreach (var hook in _hooks) hook.BeforeNodeRun(run, node);
    }

    public void AfterNodeRun(in RunContext run, string node)
    {
        foreach (var hook in _hooks) hook.AfterNodeRun(run, node);
    }

    public void OnNodeError(in RunContext run, string node, Exception error)
    {
        foreach (var hook in _hooks) hook.OnNodeError(run, node, error);
    }

    public void BeforeDatasetLoaded(in RunContext run, string dataset)
    {
        foreach (var hook in _hooks) hook.BeforeDatasetLoaded(run, dataset);
    }

    public void AfterDatasetLoaded(in RunContext run, string dataset)
    {
        foreach (var hook in _hooks) hook.AfterDatasetLoaded(run, dataset);
    }

    public void BeforeDatasetSaved(in RunContext run, string dataset)
    {
        foreach (var hook in _hooks) hook.BeforeDatasetSaved(run, dataset);
    }

    public void AfterDatasetSaved(in RunContext run, string dataset)
    {
        foreach (var hook in _hooks) hook.AfterDatasetSaved(run, dataset);
    }
}
