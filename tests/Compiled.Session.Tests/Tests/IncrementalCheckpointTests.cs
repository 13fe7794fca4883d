using Compiled;
using Compiled.Config;
using Compiled.Datasets;
using Xunit;

namespace Orders.Tests;

/// <summary>An incremental dataset's checkpoint moves when the run that loaded its partitions completes, never when it fails.</summary>
public sealed class IncrementalCheckpointTests : IDisposable
{
    private readonly ProjectDirectory _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Checkpoints_move_across_successful_runs_and_a_failed_run_does_not_advance()
    {
        var session = _project.CreateSession();
        var inbox = Inbox(session);
        WriteNote("001", "one");
        WriteNote("002", "two");

        var failed = session.StartRun("ingest", runId: null);
        Assert.Equal(["001", "002"], (await failed.LoadAsync(inbox, CancellationToken.None)).Keys);
        _ = failed.Fail(["ingest"], 0, new InvalidOperationException("the node failed"));
        Assert.Null(inbox.ReadCheckpoint());

        var succeeded = session.StartRun("ingest", runId: null);
        Assert.Equal(["001", "002"], succeeded.Load(inbox).Keys); // the failed run's partitions again
        Assert.Null(inbox.ReadCheckpoint()); // not before the run completes
        succeeded.PipelineCompleted();
        Assert.Equal("002", inbox.ReadCheckpoint());

        WriteNote("003", "three");
        var next = session.StartRun("ingest", runId: null);
        var partitions = await next.LoadAsync(inbox, CancellationToken.None);
        Assert.Equal(["003"], partitions.Keys);
        Assert.Equal("three", await partitions["003"](CancellationToken.None));
        next.PipelineCompleted();
        Assert.Equal("003", inbox.ReadCheckpoint());
        Assert.Empty(Inbox(session).Load().Keys); // a new dataset instance (another process) reads the checkpoint too
    }

    private IncrementalDataset<string, TextDataset> Inbox(OrdersSession session)
    {
        var location = new ConfigLocation("conf/base/catalog.yml", 1, 1);
        ConfigNode Scalar(string value) => new ConfigScalar(value, location);
        var entry = new ConfigMapping(
            [KeyValuePair.Create("type", Scalar("incremental")), KeyValuePair.Create("path", Scalar("data/inbox")),
             KeyValuePair.Create("dataset", Scalar("text")), KeyValuePair.Create("filename_suffix", Scalar(".txt"))], location);
        return IncrementalDataset<string, TextDataset>.FromConfig(new DatasetConfig("inbox", entry, _project.Path, session.Config));
    }

    private void WriteNote(string id, string text)
    {
        Directory.CreateDirectory(_project.File("data/inbox"));
        File.WriteAllText(_project.File($"data/inbox/{id}.txt"), text);
    }
}
