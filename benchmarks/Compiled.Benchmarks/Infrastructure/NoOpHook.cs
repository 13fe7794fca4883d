namespace Compiled.Benchmarks.Infrastructure;

/// <summary>A hook that does nothing: what a session pays per run and per node once any hook is registered.</summary>
public sealed class NoOpHook : PipelineHook
{
    /// <inheritdoc />
    public override void BeforePipelineRun(in RunParams run) { }

    /// <inheritdoc />
    public override void AfterPipelineRun(in RunParams run) { }

    /// <inheritdoc />
    public override void BeforeNodeRun(in RunParams run, string node) { }

    /// <inheritdoc />
    public override void AfterNodeRun(in RunParams run, string node) { }
}
