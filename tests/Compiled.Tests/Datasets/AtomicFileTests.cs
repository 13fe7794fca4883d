using System.Text;
using Compiled.Datasets;
using Xunit;

namespace Compiled.Tests.Datasets;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Writers_committing_one_target_at_once_without_overwrite_leave_exactly_one_file_and_the_others_are_told()
    {
        // Every writer finishes its temporary file, then all commit at the same moment. A move that checks the target and
        // then renames (File.Move without overwrite, on Unix) lets several pass the check, each replacing the last.
        const int Writers = 8;
        var path = _dir.File("v1", "model.json");
        using var ready = new Barrier(Writers);
        var outcomes = Enumerable.Range(0, Writers).AsParallel().WithDegreeOfParallelism(Writers).Select(writer =>
        {
            try
            {
                AtomicFile.Write(path, s =>
                {
                    s.Write(Encoding.UTF8.GetBytes($"writer {writer}"));
                    ready.SignalAndWait();
                }, overwrite: false);
                return (Writer: writer, Committed: true);
            }
            catch (TargetExistsException)
            {
                return (Writer: writer, Committed: false);
            }
        }).ToArray();

        var winner = Assert.Single(outcomes, o => o.Committed);
        Assert.Equal($"writer {winner.Writer}", File.ReadAllText(path));
        Assert.Equal([Path.Combine("v1", "model.json")], _dir.AllFiles()); // the refused writers' temporary files are gone
    }

    [Fact]
    public void Write_creates_missing_directories_and_leaves_only_the_target()
    {
        var path = _dir.File("a", "b", "out.txt");

        AtomicFile.Write(path, s => s.Write("hello"u8));

        Assert.Equal("hello", File.ReadAllText(path));
        Assert.Equal([Path.Combine("a", "b", "out.txt")], _dir.AllFiles());
    }

    [Fact]
    public void Write_goes_through_a_hidden_temp_file_in_the_same_directory()
    {
        var path = _dir.File("data.bin");
        string[] during = [];

        AtomicFile.Write(path, s =>
        {
            s.Write("x"u8);
            s.Flush();
            during = Directory.GetFiles(_dir.Path).Select(Path.GetFileName).ToArray()!;
            Assert.False(File.Exists(path));
        });

        var temp = Assert.Single(during);
        Assert.StartsWith(".data.bin.", temp);
        Assert.EndsWith(".tmp", temp);
        Assert.Equal(["data.bin"], _dir.AllFiles());
    }

    [Fact]
    public void Failed_write_keeps_the_previous_file_byte_identical_and_removes_the_temp_file()
    {
        var path = _dir.File("model.bin");
        var original = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();
        File.WriteAllBytes(path, original);

        var ex = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.Write(new byte[1 << 20]); // more than the buffer: real bytes reach the temp file
            throw new InvalidOperationException("serializer broke");
        }));

        Assert.Equal("serializer broke", ex.Message);
        Assert.Equal(original, File.ReadAllBytes(path));
        Assert.Equal(["model.bin"], _dir.AllFiles());
    }

    [Fact]
    public void Replaces_an_existing_file()
    {
        var path = _dir.File("f.txt");
        File.WriteAllText(path, "old content that is longer");

        AtomicFile.Write(path, s => s.Write("new"u8));

        Assert.Equal("new", File.ReadAllText(path));
    }

    [Fact]
    public void A_writer_that_disposes_the_stream_itself_still_produces_the_file()
    {
        var path = _dir.File("f.txt");

        AtomicFile.Write(path, s =>
        {
            using var writer = new StreamWriter(s, Encoding.UTF8); // closes the stream
            writer.Write("closed early");
        });

        Assert.Equal("closed early", File.ReadAllText(path));
        Assert.Equal(["f.txt"], _dir.AllFiles());
    }

    [Fact]
    public async Task WriteAsync_writes_and_failed_WriteAsync_keeps_the_previous_file()
    {
        var path = _dir.File("sub", "f.txt");

        await AtomicFile.WriteAsync(path, (s, ct) => s.WriteAsync("first"u8.ToArray(), ct), CancellationToken.None);
        Assert.Equal("first", File.ReadAllText(path));
        var before = File.ReadAllBytes(path);

        await Assert.ThrowsAsync<IOException>(async () => await AtomicFile.WriteAsync(path, async (s, ct) =>
        {
            await s.WriteAsync(new byte[200_000], ct);
            throw new IOException("disk on fire");
        }, CancellationToken.None));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([Path.Combine("sub", "f.txt")], _dir.AllFiles());
    }

    [Fact]
    public async Task Cancelled_WriteAsync_keeps_the_previous_file()
    {
        var path = _dir.File("f.txt");
        File.WriteAllText(path, "keep me");
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await AtomicFile.WriteAsync(path, async (s, ct) =>
        {
            await s.WriteAsync("partial"u8.ToArray(), ct);
            await cts.CancelAsync();
            ct.ThrowIfCancellationRequested();
        }, cts.Token));

        Assert.Equal("keep me", File.ReadAllText(path));
        Assert.Equal(["f.txt"], _dir.AllFiles());
    }
}
