using Compiled.Config;
using Compiled.Datasets;
using Compiled.Tests.Datasets;
using Xunit;

namespace Compiled.Tests.Partitions;

/// <summary>
/// Partitioned and incremental datasets on the local disk and through a store provider that counts reads: loading
/// reads nothing, a partition is read only when asked for, writes are eager or lazy, many partitions load a bounded
/// number at a time, and an incremental dataset's checkpoint moves only when confirmed.
/// </summary>
public sealed class PartitionedDatasetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public sealed class Reading
    {
        public string Sensor { get; set; } = "";
        public double Value { get; set; }
    }

    [Fact]
    public async Task A_partition_not_asked_for_is_never_read()
    {
        var store = new CountingStore(_dir.Path);
        WriteCsv("readings/2026-01-01.csv", ("a", 1));
        WriteCsv("readings/2026-01-02.csv", ("b", 2));
        WriteCsv("readings/2026/01-03.csv", ("c", 3));
        File.WriteAllText(_dir.File("readings", "README.txt"), "not a partition");
        var dataset = Dataset<Reading[], CsvDataset<Reading>>(store, "partitioned", "readings", "csv", suffix: ".csv");

        var partitions = await dataset.LoadAsync();

        Assert.Equal(["2026-01-01", "2026-01-02", "2026/01-03"], partitions.Keys);
        Assert.Empty(store.Reads); // listing reads no partition
        var rows = await partitions["2026-01-02"](CancellationToken.None);
        Assert.Equal(("b", 2.0), (rows.Single().Sensor, rows.Single().Value));
        Assert.Equal(new Dictionary<string, int> { ["readings/2026-01-02.csv"] = 1 }, store.Reads);
    }

    [Fact]
    public async Task Partitions_are_written_eager_or_lazy_and_read_back()
    {
        var dataset = Dataset<string, TextDataset>(null, "partitioned", "notes", "text", suffix: ".txt");
        var produced = new List<string>();

        await dataset.SaveAsync(Partitions<string>.FromValues([KeyValuePair.Create("a", "first"), KeyValuePair.Create("b/c", "second")]));
        dataset.Save(Partitions<string>.FromLoaders([KeyValuePair.Create("d", (Func<CancellationToken, ValueTask<string>>)(_ =>
        {
            lock (produced) produced.Add("d");
            return ValueTask.FromResult("lazy");
        }))]));

        Assert.Equal(["d"], produced); // a lazy partition's value is produced when it is saved
        Assert.Equal(["notes/a.txt", "notes/b/c.txt", "notes/d.txt"], _dir.AllFiles().Select(f => f.Replace('\\', '/')));
        var all = await (await dataset.LoadAsync()).LoadAllAsync();
        Assert.Equal(["first", "second", "lazy"], all.Values);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/rooted")]
    [InlineData("a//b")]
    [InlineData("")]
    public async Task A_partition_id_that_is_not_a_relative_path_is_refused(string id)
    {
        var dataset = Dataset<string, TextDataset>(null, "partitioned", "notes", "text");

        var error = await Assert.ThrowsAsync<DatasetException>(() => dataset.SaveAsync(Partitions<string>.FromValues([KeyValuePair.Create(id, "x")])).AsTask());

        Assert.Contains($"Dataset 'notes'", error.Message);
        Assert.Contains($"'{id}' cannot be a partition id", error.Message);
        Assert.Empty(_dir.AllFiles());
    }

    [Fact]
    public async Task A_thousand_partitions_load_a_bounded_number_at_a_time()
    {
        var store = new CountingStore(_dir.Path);
        for (var i = 0; i < 1000; i++) WriteCsv($"readings/{i:D4}.csv", ("s" + i, i));
        var dataset = Dataset<Reading[], CsvDataset<Reading>>(store, "partitioned", "readings", "csv", suffix: ".csv", concurrency: 4);

        var all = await (await dataset.LoadAsync()).LoadAllAsync();

        Assert.Equal(1000, all.Count);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (double)i), all.Values.Select(rows => rows.Single().Value));
        Assert.Equal(1000, store.Reads.Count);
        Assert.All(store.Reads.Values, n => Assert.Equal(1, n));
        Assert.InRange(store.MaxConcurrentReads, 1, 4);
    }

    [Fact]
    public async Task An_incremental_dataset_gives_only_new_partitions_and_its_checkpoint_moves_only_when_confirmed()
    {
        WriteCsv("inbox/001.csv", ("a", 1));
        WriteCsv("inbox/002.csv", ("b", 2));
        var dataset = (IncrementalDataset<Reading[], CsvDataset<Reading>>)Dataset<Reading[], CsvDataset<Reading>>(null, "incremental", "inbox", "csv", suffix: ".csv");

        var first = await dataset.LoadAsync();
        Assert.Equal(["001", "002"], first.Keys);
        Assert.Equal(["001", "002"], (await dataset.LoadAsync()).Keys); // not confirmed (a failed run): the same partitions again
        Assert.Null(dataset.ReadCheckpoint());

        dataset.Confirm(first);
        Assert.Equal("002", dataset.ReadCheckpoint());
        Assert.Empty((await dataset.LoadAsync()).Keys);

        WriteCsv("inbox/003.csv", ("c", 3));
        var next = await dataset.LoadAsync();
        Assert.Equal(["003"], next.Keys);
        Assert.Equal("c", (await next["003"](CancellationToken.None)).Single().Sensor);
    }

    [Fact]
    public void Malformed_entries_are_reported_with_the_key_and_line()
    {
        var versioned = Assert.Throws<DatasetException>(() => PartitionedDataset<string, TextDataset>.FromConfig(
            Yaml.Dataset("notes", _dir.Path, ("type", "partitioned"), ("path", "notes"), ("dataset", "text"), ("versioned", "true"))));
        var filepath = Assert.Throws<DatasetException>(() => PartitionedDataset<string, TextDataset>.FromConfig(
            Yaml.Dataset("notes", _dir.Path, ("type", "partitioned"), ("path", "notes"), ("dataset", Yaml.MapAt(14, ("type", "text"), ("filepath", "x.txt"))))));
        var unknown = Assert.Throws<DatasetException>(() => PartitionedDataset<string, TextDataset>.FromConfig(
            Yaml.Dataset("notes", _dir.Path, ("type", "partitioned"), ("path", "notes"), ("dataset", "text"), ("filename_sufix", ".txt"))));

        Assert.Contains("sets 'versioned', which partitioned datasets do not support", versioned.Message);
        Assert.Contains("sets 'dataset.filepath'", filepath.Message);
        Assert.Contains("unsupported key 'filename_sufix'", unknown.Message);
        Assert.Contains("conf/base/catalog.yml:", unknown.Message);
    }

    private PartitionedDataset<T, TDataset> Dataset<T, TDataset>(CountingStore? store, string type, string path, string partitionType, string? suffix = null, int? concurrency = null)
        where TDataset : FileDataset<T>, IConfiguredDataset<TDataset>
    {
        var entry = new List<(string, object?)> { ("type", type), ("path", store is null ? path : CountingStore.Url(path)), ("dataset", partitionType) };
        if (suffix is not null) entry.Add(("filename_suffix", suffix));
        if (concurrency is not null) entry.Add(("concurrency", concurrency));
        var project = ProjectConfig.Load(_dir.Path, "base", fileStores: store is null ? null : [store]);
        var config = new DatasetConfig(path, Yaml.MapAt(10, [.. entry]), _dir.Path, project);
        return type == "incremental" ? IncrementalDataset<T, TDataset>.FromConfig(config) : PartitionedDataset<T, TDataset>.FromConfig(config);
    }

    private void WriteCsv(string relative, params (string Sensor, double Value)[] rows)
    {
        var file = _dir.File(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllLines(file, ["sensor,value", .. rows.Select(r => $"{r.Sensor},{r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}")]);
    }
}
