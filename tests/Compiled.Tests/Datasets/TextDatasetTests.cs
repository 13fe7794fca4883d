using System.Text;
using Compiled.Datasets;
using Xunit;

namespace Compiled.Tests.Datasets;

public sealed class TextDatasetTests : IDisposable
{
    private const string Unicode = "héllo wörld — 日本語 🚀\r\nsecond line\n\ttabbed, \"quoted\"\n";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Round_trips_unicode_as_utf8_without_bom()
    {
        var dataset = new TextDataset("notes", _dir.File("notes.txt"));

        dataset.Save(Unicode);

        Assert.Equal(Unicode, dataset.Load());
        var bytes = File.ReadAllBytes(dataset.FilePath);
        Assert.Equal(Encoding.UTF8.GetBytes(Unicode), bytes); // GetBytes never adds a BOM
    }

    [Fact]
    public async Task Async_and_sync_are_equivalent()
    {
        var sync = new TextDataset("a", _dir.File("a.txt"));
        var async = new TextDataset("b", _dir.File("b.txt"));

        sync.Save(Unicode);
        await async.SaveAsync(Unicode);

        Assert.Equal(File.ReadAllBytes(sync.FilePath), File.ReadAllBytes(async.FilePath));
        Assert.Equal(Unicode, await sync.LoadAsync());
        Assert.Equal(Unicode, async.Load());
    }

    [Fact]
    public void Exists_follows_the_file()
    {
        var dataset = new TextDataset("notes", _dir.File("deep", "notes.txt"));
        Assert.False(dataset.Exists());

        dataset.Save("");

        Assert.True(dataset.Exists());
        Assert.Equal("", dataset.Load());
    }

    [Fact]
    public async Task Missing_file_names_the_dataset_the_full_path_and_what_to_do()
    {
        var dataset = new TextDataset("notes", _dir.File("nope", "notes.txt"));

        var ex = Assert.Throws<DatasetException>(() => dataset.Load());
        var asyncEx = await Assert.ThrowsAsync<DatasetException>(async () => await dataset.LoadAsync());

        foreach (var e in new[] { ex, asyncEx })
        {
            Assert.Equal("notes", e.DatasetName);
            Assert.Contains("Dataset 'notes'", e.Message);
            Assert.Contains(Path.Combine(_dir.Path, "nope", "notes.txt"), e.Message);
            Assert.Contains("file not found", e.Message);
            Assert.Contains("filepath", e.Message);
        }
    }

    [Fact]
    public void FromConfig_resolves_the_path_against_the_project_and_reads_encodings()
    {
        var config = Yaml.Dataset("legacy", _dir.Path,
            ("type", "text"),
            ("filepath", "data/01_raw/legacy.txt"),
            ("load_args", Yaml.Map(("encoding", "latin-1"))),
            ("save_args", Yaml.Map(("encoding", "latin_1"))));

        var dataset = TextDataset.FromConfig(config);
        dataset.Save("café");

        Assert.Equal(_dir.File("data", "01_raw", "legacy.txt"), dataset.FilePath);
        Assert.Equal(new byte[] { (byte)'c', (byte)'a', (byte)'f', 0xE9 }, File.ReadAllBytes(dataset.FilePath));
        Assert.Equal("café", dataset.Load());
    }

    [Fact]
    public void Utf8_sig_writes_a_bom_that_loading_strips()
    {
        var config = Yaml.Dataset("t", _dir.Path, ("filepath", "t.txt"), ("save_args", Yaml.Map(("encoding", "utf-8-sig"))));
        var dataset = TextDataset.FromConfig(config);

        dataset.Save("x");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'x' }, File.ReadAllBytes(dataset.FilePath));
        Assert.Equal("x", dataset.Load());
    }

    [Fact]
    public void FromConfig_rejects_unknown_keys_and_encodings_with_their_yaml_line()
    {
        var unknown = Yaml.Dataset("t", _dir.Path, ("filepath", "t.txt"), ("load_args", Yaml.MapAt(20, ("encodnig", "utf-8"))));
        var badEncoding = Yaml.Dataset("t", _dir.Path, ("filepath", "t.txt"), ("save_args", Yaml.MapAt(30, ("encoding", "klingon"))));
        var noPath = Yaml.Dataset("t", _dir.Path, ("type", "text"));

        var e1 = Assert.Throws<DatasetException>(() => TextDataset.FromConfig(unknown));
        var e2 = Assert.Throws<DatasetException>(() => TextDataset.FromConfig(badEncoding));
        var e3 = Assert.Throws<DatasetException>(() => TextDataset.FromConfig(noPath));

        Assert.Contains("'load_args.encodnig'", e1.Message);
        Assert.Contains($"{Yaml.File}:21:", e1.Message);
        Assert.Contains("klingon", e2.Message);
        Assert.Contains($"{Yaml.File}:31:", e2.Message);
        Assert.Contains("'filepath'", e3.Message);
    }

    [Fact]
    public void Saving_null_is_an_error_and_keeps_the_file()
    {
        var dataset = new TextDataset("notes", _dir.File("n.txt"));
        dataset.Save("kept");

        var ex = Assert.Throws<DatasetException>(() => dataset.Save(null!));

        Assert.Contains("cannot save null", ex.Message);
        Assert.Equal("kept", dataset.Load());
    }
}
