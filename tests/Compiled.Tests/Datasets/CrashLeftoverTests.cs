using Compiled.Datasets;
using Compiled.TestWriter.Client;
using Xunit;

namespace Compiled.Tests.Datasets;

/// <summary>
/// Saves killed with SIGKILL leave their temporary files; the next save of the same dataset deletes them,
/// but never the temporary file of a writer that is still running in another process.
/// </summary>
public sealed class CrashLeftoverTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_save_deletes_the_temp_files_of_killed_writers_and_keeps_the_one_of_a_live_writer()
    {
        var path = _dir.File("data", "report.txt");
        using var killed1 = TestWriterProcess.Start("hold", path, "first killed writer");
        using var killed2 = TestWriterProcess.Start("hold", path, "second killed writer");
        using var live = TestWriterProcess.Start("hold", path, "the live writer's report");
        foreach (var writer in new[] { killed1, killed2, live }) writer.Expect("writing");
        killed1.Kill();
        killed2.Kill();
        Assert.Equal(3, TempFilesOf("data").Length); // the killed writers' leftovers and the live writer's file

        new TextDataset("report", path).Save("saved by the test");

        Assert.Equal("saved by the test", File.ReadAllText(path));
        var kept = Assert.Single(TempFilesOf("data"));
        Assert.StartsWith($".report.txt.{live.Id}-", kept);

        live.Send("go on");
        live.Expect("saved");
        Assert.Equal(0, live.WaitForExit());
        Assert.Equal("the live writer's report", File.ReadAllText(path));
        Assert.Equal([Path.Combine("data", "report.txt")], _dir.AllFiles());
    }

    [Fact]
    public void A_versioned_save_deletes_the_temp_files_killed_writers_left_in_version_directories()
    {
        var path = _dir.File("model.txt");
        using (var killed = TestWriterProcess.Start("hold", path, "killed writer", "2026-01-01T00.00.00.000Z"))
        {
            killed.Expect("writing");
            killed.Kill();
        }
        Assert.Single(TempFilesOf("model.txt", "2026-01-01T00.00.00.000Z"));

        var dataset = new TextDataset("model", path, DatasetArgs.Utf8, DatasetArgs.Utf8, DatasetVersioning.Latest);
        dataset.Save("next", "2026-01-02T00.00.00.000Z");

        Assert.Empty(TempFilesOf("model.txt", "2026-01-01T00.00.00.000Z"));
        Assert.Equal([Path.Combine("model.txt", "2026-01-02T00.00.00.000Z", "model.txt")], _dir.AllFiles());
        Assert.Equal(["2026-01-02T00.00.00.000Z"], dataset.ListVersions());
    }

    private string[] TempFilesOf(params string[] directory) =>
        Directory.GetFiles(_dir.File(directory), ".*.tmp").Select(f => Path.GetFileName(f)!).ToArray();
}
