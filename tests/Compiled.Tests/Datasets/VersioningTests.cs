using System.Text;
using Compiled.Datasets;
using Xunit;

namespace Compiled.Tests.Datasets;

public sealed class VersioningTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public sealed record Model(string Kind, double[] Weights);

    [Fact]
    public void Versions_have_kedros_format_and_sort_in_time_order()
    {
        var early = DatasetVersion.FromTimestamp(new DateTimeOffset(2026, 11, 25, 16, 30, 0, 123, TimeSpan.Zero));
        var late = DatasetVersion.FromTimestamp(new DateTimeOffset(2026, 11, 25, 18, 30, 0, 7, TimeSpan.FromHours(1)));

        Assert.Equal("2026-11-25T16.30.00.123Z", early);
        Assert.Equal("2026-11-25T17.30.00.007Z", late);
        Assert.True(string.CompareOrdinal(early, late) < 0);
        Assert.True(DatasetVersion.TryParse(early, out var parsed));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 16, 30, 0, 123, TimeSpan.Zero), parsed);
        Assert.False(DatasetVersion.TryParse("v1", out _));
        Assert.True(DatasetVersion.IsValid("v1"));
        Assert.False(DatasetVersion.IsValid("../x"));
        Assert.False(DatasetVersion.IsValid(".."));
        Assert.False(DatasetVersion.IsValid(""));
    }

    [Fact]
    public void A_versioned_save_writes_kedros_layout_and_load_reads_the_latest()
    {
        var dataset = new JsonDataset<Model>("regressor", _dir.File("data", "06_models", "regressor.json"), versioning: DatasetVersioning.Latest);

        dataset.Save(new Model("a", [1]), "2026-11-25T16.30.00.123Z");
        dataset.Save(new Model("b", [2]), "2026-11-25T16.31.00.000Z");

        Assert.Equal(
            [
                Path.Combine("data", "06_models", "regressor.json", "2026-11-25T16.30.00.123Z", "regressor.json"),
                Path.Combine("data", "06_models", "regressor.json", "2026-11-25T16.31.00.000Z", "regressor.json"),
            ],
            _dir.AllFiles());
        Assert.Equal("b", dataset.Load().Kind);
        Assert.Equal("a", dataset.Load("2026-11-25T16.30.00.123Z").Kind);
        Assert.Equal(["2026-11-25T16.30.00.123Z", "2026-11-25T16.31.00.000Z"], dataset.ListVersions());
        Assert.True(dataset.IsVersioned);
        Assert.Null(dataset.LoadVersion);
        Assert.True(dataset.Exists());
    }

    [Fact]
    public void A_pinned_load_version_wins_over_the_latest()
    {
        var path = _dir.File("regressor.json");
        var writer = new JsonDataset<Model>("regressor", path, versioning: DatasetVersioning.Latest);
        writer.Save(new Model("old", []), "2026-01-01T00.00.00.000Z");
        writer.Save(new Model("new", []), "2026-02-01T00.00.00.000Z");

        var pinned = new JsonDataset<Model>("regressor", path, versioning: new DatasetVersioning("2026-01-01T00.00.00.000Z"));

        Assert.Equal("old", pinned.Load().Kind);
        Assert.Equal("2026-01-01T00.00.00.000Z", pinned.LoadVersion);
    }

    [Fact]
    public async Task A_version_is_never_overwritten_and_the_error_names_dataset_and_version()
    {
        var dataset = new TextDataset("notes", _dir.File("notes.txt"), DatasetArgs.Utf8, DatasetArgs.Utf8, DatasetVersioning.Latest);
        dataset.Save("first", "v1");
        var before = File.ReadAllBytes(dataset.PathOfVersion("v1"));

        var ex = Assert.Throws<DatasetException>(() => dataset.Save("second", "v1"));
        var exAsync = await Assert.ThrowsAsync<DatasetException>(async () => await dataset.SaveAsync("third", "v1"));

        foreach (var e in new[] { ex, exAsync })
        {
            Assert.Equal("notes", e.DatasetName);
            Assert.Contains("Dataset 'notes'", e.Message);
            Assert.Contains("version 'v1' already exists", e.Message);
            Assert.Contains("never overwrite", e.Message);
        }
        Assert.Equal(before, File.ReadAllBytes(dataset.PathOfVersion("v1")));
        Assert.Equal("first", dataset.Load());
        Assert.Single(_dir.AllFiles());
    }

    [Fact]
    public async Task A_new_version_that_another_save_took_moves_on_to_the_next_free_millisecond()
    {
        var path = _dir.File("regressor.json");
        var other = new JsonDataset<Model>("regressor", path, versioning: DatasetVersioning.Latest);
        other.Save(new Model("committed by another process", []), "2026-11-25T16.30.00.123Z");
        Directory.CreateDirectory(Path.Combine(path, "2026-11-25T16.30.00.124Z")); // a save in progress elsewhere (no file yet)
        var dataset = new JsonDataset<Model>("regressor", path, versioning: DatasetVersioning.Latest);

        var first = dataset.SaveNewVersion(new Model("a", [1]), "2026-11-25T16.30.00.123Z");
        var second = await dataset.SaveNewVersionAsync(new Model("b", [2]), "2026-11-25T16.30.00.123Z");

        Assert.Equal("2026-11-25T16.30.00.125Z", first);
        Assert.Equal("2026-11-25T16.30.00.126Z", second);
        Assert.Equal("committed by another process", dataset.Load("2026-11-25T16.30.00.123Z").Kind); // never overwritten
        Assert.Equal("a", dataset.Load(first).Kind);
        Assert.Equal("b", dataset.Load().Kind);
        Assert.Equal(["2026-11-25T16.30.00.123Z", first, second], dataset.ListVersions());
    }

    [Fact]
    public void A_new_version_not_in_kedros_format_that_exists_is_refused_not_renamed()
    {
        var dataset = new TextDataset("notes", _dir.File("notes.txt"), DatasetArgs.Utf8, DatasetArgs.Utf8, DatasetVersioning.Latest);
        dataset.Save("first", "v1");

        var ex = Assert.Throws<DatasetException>(() => dataset.SaveNewVersion("second", "v1"));

        Assert.Contains("version 'v1' already exists", ex.Message);
        Assert.Equal("first", dataset.Load());
    }

    [Fact]
    public void A_save_without_a_version_creates_a_new_timestamped_version()
    {
        var dataset = new BinaryDataset("blob", _dir.File("blob.bin"), DatasetVersioning.Latest);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        dataset.Save([1, 2, 3]);

        var version = Assert.Single(dataset.ListVersions());
        Assert.True(DatasetVersion.TryParse(version, out var when));
        Assert.InRange(when, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal([1, 2, 3], dataset.Load());
    }

    [Fact]
    public async Task Async_versioned_save_and_load()
    {
        var dataset = new CsvDataset<CompanyRow>("companies", _dir.File("companies.csv"), null, null, DatasetVersioning.Latest);

        await dataset.SaveAsync([new CompanyRow { Id = 1, CompanyRating = 5, CompanyLocation = "Mars" }], "v2");
        await dataset.SaveAsync([new CompanyRow { Id = 2, CompanyRating = 6, CompanyLocation = "Io" }], "v1");

        Assert.Equal(1, (await dataset.LoadAsync()).Single().Id); // v2 sorts last, whatever the order of the saves
        Assert.Equal(2, ((IVersionedDataset<CompanyRow[]>)dataset).Load("v1").Single().Id);
    }

    [Fact]
    public void Loading_with_no_version_or_a_missing_pinned_version_says_so()
    {
        var path = _dir.File("m.json");
        var empty = new JsonDataset<Model>("regressor", path, versioning: DatasetVersioning.Latest);
        var pinned = new JsonDataset<Model>("regressor", path, versioning: new DatasetVersioning("2020-01-01T00.00.00.000Z"));

        var none = Assert.Throws<DatasetException>(() => empty.Load());
        Assert.Contains("Dataset 'regressor'", none.Message);
        Assert.Contains("no version has been saved yet", none.Message);
        Assert.False(empty.Exists());

        empty.Save(new Model("x", []), "2026-01-01T00.00.00.000Z");
        var missing = Assert.Throws<DatasetException>(() => pinned.Load());
        Assert.Contains("version '2020-01-01T00.00.00.000Z' not found", missing.Message);
        Assert.Contains("2026-01-01T00.00.00.000Z", missing.Message);
        Assert.False(pinned.Exists());
    }

    [Fact]
    public void An_unversioned_dataset_ignores_versions()
    {
        var dataset = new TextDataset("notes", _dir.File("notes.txt"));
        IVersionedDataset<string> versioned = dataset;

        versioned.Save("a", "v1");
        versioned.Save("b", "v1");

        Assert.False(versioned.IsVersioned);
        Assert.Empty(versioned.ListVersions());
        Assert.Equal("b", versioned.Load("anything"));
        Assert.Equal(["notes.txt"], _dir.AllFiles());
    }

    [Fact]
    public void A_failed_versioned_save_leaves_no_version_behind()
    {
        var dataset = new CsvDataset<FragileRow>("fragile", _dir.File("f.csv"), null, null, DatasetVersioning.Latest);
        var rows = Enumerable.Range(0, 2000).Select(i => new FragileRow { Index = i }).ToArray();

        Assert.Throws<DatasetException>(() => dataset.Save(rows, "v1"));

        Assert.Empty(dataset.ListVersions());
        Assert.Empty(_dir.AllFiles());
        dataset.Save(rows.Take(10).ToArray(), "v1"); // the version is still free
    }

    [Fact]
    public void Versioning_comes_from_the_catalog_entry()
    {
        var versioned = JsonDataset<Model>.FromConfig(Yaml.Dataset("regressor", _dir.Path,
            ("type", "json"), ("filepath", "data/06_models/regressor.json"), ("versioned", "true"), ("load_version", "2026-11-25T16.30.00.123Z")));
        var plain = TextDataset.FromConfig(Yaml.Dataset("notes", _dir.Path, ("type", "text"), ("filepath", "notes.txt")));

        Assert.True(versioned.IsVersioned);
        Assert.Equal("2026-11-25T16.30.00.123Z", versioned.LoadVersion);
        Assert.Equal(_dir.File("data", "06_models", "regressor.json", "2026-11-25T16.30.00.123Z", "regressor.json"), versioned.ResolveLoadPathOrDefault());
        Assert.False(plain.IsVersioned);

        var orphan = Assert.Throws<DatasetException>(() => TextDataset.FromConfig(Yaml.Dataset("notes", _dir.Path,
            ("type", "text"), ("filepath", "n.txt"), ("load_version", "v1"))));
        Assert.Contains("'load_version'", orphan.Message);
        Assert.Contains("versioned: true", orphan.Message);
        Assert.Contains($"{Yaml.File}:13:", orphan.Message);

        var bad = Assert.Throws<DatasetException>(() => TextDataset.FromConfig(Yaml.Dataset("notes", _dir.Path,
            ("type", "text"), ("filepath", "n.txt"), ("versioned", "true"), ("load_version", "../etc"))));
        Assert.Contains("'load_version'", bad.Message);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("text")]
    [InlineData("binary")]
    [InlineData("parquet")]
    [InlineData("excel")]
    public void Every_file_type_is_versioned(string type)
    {
        var versioning = DatasetVersioning.Latest;
        var rows = new[] { new ParquetRow { Id = 1, Name = "one", Score = 0.5 } };
        var rows2 = new[] { new ParquetRow { Id = 2, Name = "two", Score = null } };
        (Action<string> save1, Action<string> save2, Func<string> load, Func<string, string> loadVersion, Func<IReadOnlyList<string>> list, Action<string> overwrite) = type switch
        {
            "csv" => Ops(new CsvDataset<ParquetRow>("t", _dir.File("t.csv"), null, null, versioning), rows, rows2, r => r[0].Name!),
            "json" => Ops(new JsonDataset<ParquetRow[]>("t", _dir.File("t.json"), versioning: versioning), rows, rows2, r => r[0].Name!),
            "text" => Ops(new TextDataset("t", _dir.File("t.txt"), Encoding.UTF8, Encoding.UTF8, versioning), "one", "two", s => s),
            "binary" => Ops(new BinaryDataset("t", _dir.File("t.bin"), versioning), "one"u8.ToArray(), "two"u8.ToArray(), b => Encoding.UTF8.GetString(b)),
            "parquet" => Ops(new ParquetDataset<ParquetRow>("t", _dir.File("t.parquet"), versioning: versioning), rows, rows2, r => r[0].Name!),
            "excel" => Ops(new ExcelDataset<ParquetRow>("t", _dir.File("t.xlsx"), versioning: versioning), rows, rows2, r => r[0].Name!),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };

        save1("2026-01-01T00.00.00.000Z");
        save2("2026-01-02T00.00.00.000Z");

        Assert.Equal("two", load());
        Assert.Equal("one", loadVersion("2026-01-01T00.00.00.000Z"));
        Assert.Equal(2, list().Count);
        Assert.Throws<DatasetException>(() => overwrite("2026-01-01T00.00.00.000Z"));
        Assert.Equal("one", loadVersion("2026-01-01T00.00.00.000Z"));
    }

    private static (Action<string>, Action<string>, Func<string>, Func<string, string>, Func<IReadOnlyList<string>>, Action<string>) Ops<T>(
        IVersionedDataset<T> dataset, T first, T second, Func<T, string> key) =>
        (v => dataset.Save(first, v), v => dataset.Save(second, v), () => key(dataset.Load()), v => key(dataset.Load(v)), dataset.ListVersions, v => dataset.Save(second, v));
}

internal static class FileDatasetTestExtensions
{
    /// <summary>The file a load would read, without requiring it to exist.</summary>
    public static string ResolveLoadPathOrDefault<T>(this FileDataset<T> dataset) =>
        dataset.LoadVersion is { } version ? dataset.PathOfVersion(version) : dataset.FilePath;
}
