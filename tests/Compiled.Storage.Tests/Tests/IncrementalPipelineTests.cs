using Compiled.Storage.Tests.Inbox;
using Compiled.Storage.Tests.Servers;
using Xunit;

namespace Compiled.Storage.Tests.Tests;

/// <summary>
/// The checkpoint of an <c>incremental</c> dataset across runs of a pipeline the generator compiled (Project/Inbox.cs,
/// conf/base/catalog.yml), with the notes, the checkpoint and the digest in an emulator's bucket or container: each
/// session is a new process's view (nothing kept in memory between them).
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class IncrementalPipelineTests(Emulators emulators) : IDisposable
{
    private readonly StoreProject _project = new(emulators);

    public void Dispose() => _project.Dispose();

    [Theory]
    [InlineData(Store.Azure)]
    [InlineData(Store.S3)]
    public async Task Each_run_sees_only_new_notes_and_a_failed_run_does_not_move_the_checkpoint(Store store)
    {
        File.WriteAllText(Path.Combine(_project.ProjectPath, "conf", "base", "catalog.yml"),
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "conf", "base", "catalog.yml")));
        File.WriteAllText(Path.Combine(_project.ProjectPath, "conf", "local", "catalog.yml"), $"""
            inbox:
              path: {_project.Url(store, "inbox")}
              credentials: {StoreProject.Credentials(store)}
            digest:
              filepath: {_project.Url(store, "digest.txt")}
              credentials: {StoreProject.Credentials(store)}
            """);
        var digest = CreateSession().Catalog.Digest;

        await Note(store, "001", "one");
        await Note(store, "002", "two");
        await CreateSession().Ingest.RunAsync();
        Assert.Equal("001: one\n002: two", await digest.LoadAsync());
        Assert.Equal("002", await Text(store, "inbox/CHECKPOINT"));

        await Note(store, "003", "fail");
        var failed = await Assert.ThrowsAsync<PipelineRunException>(async () => await CreateSession().Ingest.RunAsync());
        Assert.Contains("A note asked the run to fail.", failed.ToString());
        Assert.Equal("002", await Text(store, "inbox/CHECKPOINT"));
        Assert.Equal("001: one\n002: two", await digest.LoadAsync());

        await Note(store, "003", "three"); // fixed: the next run sees it again
        await Note(store, "004", "four");
        await CreateSession().Ingest.RunAsync();
        Assert.Equal("003: three\n004: four", await digest.LoadAsync());
        Assert.Equal("004", await Text(store, "inbox/CHECKPOINT"));

        await CreateSession().Ingest.RunAsync(); // nothing new
        Assert.Equal("", await digest.LoadAsync());
        Assert.Equal("004", await Text(store, "inbox/CHECKPOINT"));
    }

    private InboxSession CreateSession() =>
        InboxProject.CreateSession(new SessionOptions { ProjectPath = _project.ProjectPath, Environment = "local", FileStores = StoreProject.Providers });

    // A note written with the store's own SDK, as another system would drop it.
    private Task Note(Store store, string id, string text) => _project.WriteRaw(store, $"inbox/{id}.txt", System.Text.Encoding.UTF8.GetBytes(text));

    private async Task<string> Text(Store store, string file) => System.Text.Encoding.UTF8.GetString(await _project.ReadRaw(store, file)).Trim();
}
