using System.ComponentModel;
using System.Reflection;
using Compiled;
using Compiled.Datasets;
using Xunit;

namespace Orders.Tests;

/// <summary>
/// Hooks see a read-only view of a run (<see cref="RunParams"/>), not the <see cref="RunContext"/> generated code drives:
/// a hook cannot fail, abandon or save through a run, and what only generated code calls is hidden from IntelliSense.
/// </summary>
public sealed class RunParamsTests : IDisposable
{
    private readonly ProjectDirectory _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Every_hook_receives_the_runs_pipeline_name_id_and_save_version()
    {
        var hook = new SnapshotHook();
        var session = _project.CreateSession("local", hook);
        var model = new JsonDataset<int>("model", _project.File("data/model.json"), versioning: DatasetVersioning.Latest);

        var run = session.StartRun("train", runId: "sweep-7");
        run.PipelineStarting();
        run.NodeStarting("fit");
        run.NodeCompleted("fit");
        run.Save(model, 1);
        run.PipelineCompleted();

        Assert.Equal(["before_pipeline", "before_node", "after_node", "before_save", "after_save", "after_pipeline"], hook.Seen.Select(s => s.Event));
        Assert.All(hook.Seen, s => Assert.Equal(("train", "sweep-7"), (s.Pipeline, s.RunId)));
        Assert.Equal(model.ListVersions().Single(), hook.Seen.Last().SaveVersion);
        Assert.All(hook.Seen, s => Assert.True(s.Elapsed >= TimeSpan.Zero));
    }

    [Fact]
    public void The_view_a_hook_receives_only_reads()
    {
        var members = typeof(RunParams).GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m is not MethodInfo { IsSpecialName: true }) // property getters
            .Select(m => m.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(["Elapsed", "PipelineName", "RunId", "SaveVersion"], members);
        Assert.True(typeof(RunParams).IsValueType);
        Assert.True(typeof(RunParams).IsDefined(typeof(System.Runtime.CompilerServices.IsReadOnlyAttribute)));
        Assert.All(
            typeof(PipelineHook).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly),
            method => Assert.Equal(typeof(RunParams).MakeByRefType(), method.GetParameters()[0].ParameterType));
    }

    [Theory]
    [InlineData(typeof(RunContext), nameof(RunContext.PipelineStarting))]
    [InlineData(typeof(RunContext), nameof(RunContext.PipelineCompleted))]
    [InlineData(typeof(RunContext), nameof(RunContext.NodeStarting))]
    [InlineData(typeof(RunContext), nameof(RunContext.NodeCompleted))]
    [InlineData(typeof(RunContext), nameof(RunContext.Fail))]
    [InlineData(typeof(RunContext), nameof(RunContext.Abandon))]
    [InlineData(typeof(RunContext), nameof(RunContext.Load))]
    [InlineData(typeof(RunContext), nameof(RunContext.LoadAsync))]
    [InlineData(typeof(RunContext), nameof(RunContext.LoadArtifact))]
    [InlineData(typeof(RunContext), nameof(RunContext.Save))]
    [InlineData(typeof(RunContext), nameof(RunContext.SaveAsync))]
    [InlineData(typeof(RunContext), nameof(RunContext.IsNodeFailure))]
    [InlineData(typeof(Session), nameof(Session.StartRun))]
    [InlineData(typeof(Session), nameof(Session.DeclareArtifact))]
    public void What_only_generated_code_calls_is_public_but_hidden_from_intellisense(Type type, string member)
    {
        var methods = type.GetMember(member, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);

        Assert.NotEmpty(methods);
        Assert.All(methods, m => Assert.Equal(EditorBrowsableState.Never, m.GetCustomAttribute<EditorBrowsableAttribute>()?.State));
        Assert.Equal(EditorBrowsableState.Never, typeof(RunContext).GetCustomAttribute<EditorBrowsableAttribute>()?.State);
    }

    private sealed class SnapshotHook : PipelineHook
    {
        public List<(string Event, string Pipeline, string RunId, string SaveVersion, TimeSpan Elapsed)> Seen { get; } = [];

        public override void BeforePipelineRun(in RunParams run) => Add("before_pipeline", run);

        public override void AfterPipelineRun(in RunParams run) => Add("after_pipeline", run);

        public override void BeforeNodeRun(in RunParams run, string node) => Add("before_node", run);

        public override void AfterNodeRun(in RunParams run, string node) => Add("after_node", run);

        public override void BeforeDatasetSaved(in RunParams run, string dataset) => Add("before_save", run);

        public override void AfterDatasetSaved(in RunParams run, string dataset) => Add("after_save", run);

        private void Add(string @event, in RunParams run) => Seen.Add((@event, run.PipelineName, run.RunId, run.SaveVersion, run.Elapsed));
    }
}
