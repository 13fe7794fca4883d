using Compiled.Config;
using Compiled.Datasets;
using Compiled.Storage.Tests.Servers;
using Xunit;

namespace Compiled.Storage.Tests.Tests;

/// <summary>Every file dataset type saves to and loads from both object stores, plain and versioned, byte for byte.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class RoundTripTests(Emulators emulators) : IDisposable
{
    private readonly StoreProject _project = new(emulators);

    public void Dispose() => _project.Dispose();

    public static TheoryData<Store, string> StoresAndTypes()
    {
        var data = new TheoryData<Store, string>();
        foreach (var store in Enum.GetValues<Store>())
        {
            foreach (var type in new[] { "csv", "parquet", "excel", "json", "text", "binary" }) data.Add(store, type);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(StoresAndTypes))]
    public async Task Each_file_type_round_trips(Store store, string type)
    {
        var config = _project.Load(_project.Entry("item", type, store, "item." + type)).GetDataset("item");

        await RoundTrip(type, config, seed: 1);
        await RoundTrip(type, config, seed: 2); // a second save replaces the object
    }

    [Theory]
    [MemberData(nameof(StoresAndTypes))]
    public async Task Each_file_type_round_trips_versioned_and_load_version_pins(Store store, string type)
    {
        var project = _project.Load(_project.Entry("item", type, store, "item." + type, versioned: true));
        var first = await SaveVersion(type, project.GetDataset("item"), seed: 1, "2026-01-01T00.00.00.000Z");
        var second = await SaveVersion(type, project.GetDataset("item"), seed: 2, "2026-01-02T00.00.00.000Z");

        Assert.Equal(
            [$"item.{type}/2026-01-01T00.00.00.000Z/item.{type}", $"item.{type}/2026-01-02T00.00.00.000Z/item.{type}"],
            await _project.Keys(store));
        Assert.Equal(second, await LoadAsString(type, project.GetDataset("item"))); // the latest, found by listing
        var pinned = _project.Load(_project.Entry("item", type, store, "item." + type, versioned: true, loadVersion: "2026-01-01T00.00.00.000Z"));
        Assert.Equal(first, await LoadAsString(type, pinned.GetDataset("item")));
    }

    [Theory]
    [InlineData(Store.Azure)]
    [InlineData(Store.S3)]
    public async Task A_versioned_save_never_overwrites_a_version(Store store)
    {
        var dataset = TextDataset.FromConfig(_project.Load(_project.Entry("notes", "text", store, "notes.txt", versioned: true)).GetDataset("notes"));
        await dataset.SaveAsync("first", "2026-01-01T00.00.00.000Z");

        var error = await Assert.ThrowsAsync<DatasetException>(() => dataset.SaveAsync("second", "2026-01-01T00.00.00.000Z").AsTask());

        Assert.Contains("already exists", error.Message);
        Assert.Equal("first", await dataset.LoadAsync());
        Assert.Equal("2026-01-01T00.00.00.001Z", await dataset.SaveNewVersionAsync("third", "2026-01-01T00.00.00.000Z")); // runs move on
    }

    [Theory]
    [InlineData(Store.Azure)]
    [InlineData(Store.S3)]
    public async Task Objects_larger_than_a_part_are_stored_byte_for_byte_sync_and_async(Store store)
    {
        var bytes = new byte[20 * 1024 * 1024 + 123]; // three parts, the last one short
        new Random(7).NextBytes(bytes);
        var dataset = BinaryDataset.FromConfig(_project.Load(_project.Entry("blob", "binary", store, "blob.bin")).GetDataset("blob"));

        await dataset.SaveAsync(bytes);
        Assert.Equal(bytes, await _project.ReadRaw(store, "blob.bin")); // what the store holds, read with the SDK
        Assert.Equal(bytes, await dataset.LoadAsync());

        bytes[0] ^= 0xFF;
        dataset.Save(bytes);
        Assert.Equal(bytes, dataset.Load());
        Assert.True(dataset.Exists());
    }

    [Theory]
    [InlineData(Store.Azure)]
    [InlineData(Store.S3)]
    public async Task A_large_csv_streams_through_several_parts(Store store)
    {
        var rows = Row.Many(400_000, seed: 3); // about 14 MB of CSV
        var dataset = CsvDataset<Row>.FromConfig(_project.Load(_project.Entry("rows", "csv", store, "rows.csv")).GetDataset("rows"));

        await dataset.SaveAsync(rows);

        Assert.Equal(Row.Values(rows), Row.Values(await dataset.LoadAsync()));
        Assert.Equal(Row.Values(rows), Row.Values(dataset.Load()));
    }

    private static async Task RoundTrip(string type, DatasetConfig config, int seed)
    {
        switch (type)
        {
            case "csv":
                await Check(CsvDataset<Row>.FromConfig(config), Row.Many(50, seed), Row.Values);
                break;
            case "parquet":
                await Check(ParquetDataset<Row>.FromConfig(config), Row.Many(50, seed), Row.Values);
                break;
            case "excel":
                await Check(ExcelDataset<Row>.FromConfig(config), Row.Many(50, seed), Row.Values);
                break;
            case "json":
                await Check(JsonDataset<Document>.FromConfig(config), new Document("doc " + seed, [seed, 2, 3]), d => (d.Title, string.Join(",", d.Values)));
                break;
            case "text":
                await Check(TextDataset.FromConfig(config), $"line one {seed}\nline two ünïcödé\n", t => t);
                break;
            case "binary":
                await Check(BinaryDataset.FromConfig(config), Enumerable.Range(0, 1000).Select(i => (byte)(i * seed)).ToArray(), b => Convert.ToHexString(b));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    // Saves and loads both synchronously and asynchronously.
    private static async Task Check<T, TKey>(IVersionedDataset<T> dataset, T value, Func<T, TKey> key)
    {
        dataset.Save(value);
        Assert.Equal(key(value), key(dataset.Load()));
        await dataset.SaveAsync(value);
        Assert.Equal(key(value), key(await dataset.LoadAsync()));
        Assert.True(dataset.Exists());
    }

    private static async Task<string> SaveVersion(string type, DatasetConfig config, int seed, string version)
    {
        switch (type)
        {
            case "csv":
                await CsvDataset<Row>.FromConfig(config).SaveAsync(Row.Many(5, seed), version);
                break;
            case "parquet":
                await ParquetDataset<Row>.FromConfig(config).SaveAsync(Row.Many(5, seed), version);
                break;
            case "excel":
                ExcelDataset<Row>.FromConfig(config).Save(Row.Many(5, seed), version);
                break;
            case "json":
                await JsonDataset<Document>.FromConfig(config).SaveAsync(new Document("v" + seed, [seed]), version);
                break;
            case "text":
                TextDataset.FromConfig(config).Save("version " + seed, version);
                break;
            case "binary":
                await BinaryDataset.FromConfig(config).SaveAsync([(byte)seed, 0, (byte)seed], version);
                break;
        }
        return await LoadAsString(type, config);
    }

    private static async Task<string> LoadAsString(string type, DatasetConfig config) => type switch
    {
        "csv" => string.Join(";", Row.Values(await CsvDataset<Row>.FromConfig(config).LoadAsync())),
        "parquet" => string.Join(";", Row.Values(await ParquetDataset<Row>.FromConfig(config).LoadAsync())),
        "excel" => string.Join(";", Row.Values(ExcelDataset<Row>.FromConfig(config).Load())),
        "json" => (await JsonDataset<Document>.FromConfig(config).LoadAsync()).Title,
        "text" => TextDataset.FromConfig(config).Load(),
        "binary" => Convert.ToHexString(await BinaryDataset.FromConfig(config).LoadAsync()),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
