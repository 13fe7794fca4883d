using System.Collections.Concurrent;
using Compiled;

namespace Orders.Tests;

/// <summary>Records every hook call, thread-safely, as "event:subject@run".</summary>
public sealed class RecordingHook : PipelineHook
{
    public ConcurrentQueue<string> Events { get; } = new();

    public ConcurrentBag<string> RunIds { get; } = new();

    public int Count(string @event) => Events.Count(e => e.StartsWith(@event + ":", StringComparison.Ordinal));

    public override void BeforePipelineRun(in RunParams run)
    {
        RunIds.Add(run.RunId);
        Events.Enqueue($"before_pipeline:{run.PipelineName}");
    }

    public override void AfterPipelineRun(in RunParams run) => Events.Enqueue($"after_pipeline:{run.PipelineName}");

    public override void OnPipelineError(in RunParams run, PipelineRunException error) => Events.Enqueue($"pipeline_error:{error.NodeName}");

    public override void BeforeNodeRun(in RunParams run, string node) => Events.Enqueue($"before_node:{node}");

    public override void AfterNodeRun(in RunParams run, string node) => Events.Enqueue($"after_node:{node}");

    public override void OnNodeError(in RunParams run, string node, Exception error) => Events.Enqueue($"node_error:{node}");

    public override void BeforeDatasetLoaded(in RunParams run, string dataset) => Events.Enqueue($"before_load:{dataset}");

    public override void AfterDatasetLoaded(in RunParams run, string dataset) => Events.Enqueue($"after_load:{dataset}");

    public override void BeforeDatasetSaved(in RunParams run, string dataset) => Events.Enqueue($"before_save:{dataset}");

    public override void AfterDatasetSaved(in RunParams run, string dataset) => Events.Enqueue($"after_save:{dataset}");
}
