namespace Compiled.Benchmarks.Infrastructure;

/// <summary>A hook that does nothing: what a session pays per run and per node once any hook is registered.</summary>
public sealed class NoOpHook : PipelineHook
{
    /// <inheritdoc />
    public override void BeforePipelineRun(in RunContext run) { }

    /// <inheritdoc />
    public override void AfterPipelineRun(in RunContext run) { }

    /// <inheritdoc />
    public override void BeforeNodeRun(in RunContext run, string node) { }

    /// <inheritdoc />
    public override void AfterNodeRun(in RunContext run, string node) { }
}
