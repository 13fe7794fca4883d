using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Compiled.Config;
using Compiled.Datasets;
using CsvHelper;
using Parquet;
using Parquet.Serialization;

namespace Compiled.Benchmarks.Datasets;

/// <summary>
/// Loading and saving the spaceflights tables through the catalog's datasets (<see cref="CsvDataset{TRow}"/>,
/// <see cref="ParquetDataset{TRow}"/>, built from catalog entries with FromConfig) against calling CsvHelper
/// (hand-written code per table: columns found by name, each field parsed or formatted with its type)
/// and Parquet.Net directly with the same settings, in the same run. Each category's baseline is the
/// direct call; the ratio is the framework's overhead.
/// </summary>
/// <remarks>
/// Same settings means: the same CsvHelper options (invariant culture, comma, strict quoting, '\n' line
/// endings, header matching ignoring case and '_'), the same Parquet.Net options (case-insensitive columns on load, Snappy on save), and
/// files opened with the same FileStream options. Saves differ in one deliberate way: a dataset save is
/// atomic and durable (temporary file, flush to disk, rename), which a plain write is not; the
/// "direct, atomic" rows add the same temporary file, flush and rename to the direct call, to separate
/// that cost from the framework's.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[GenericTypeArguments(typeof(CompanyTableRow))]
[GenericTypeArguments(typeof(ReviewTableRow))]
[GenericTypeArguments(typeof(ShuttleTableRow))]
public class DatasetBenchmarks<TRow> where TRow : class, ICsvTable<TRow>, new()
{
    private const int BufferSize = 64 * 1024;

    private string _directory = null!;
    private string _csvPath = null!;
    private string _parquetPath = null!;
    private string _csvOut = null!;
    private string _parquetOut = null!;
    private TRow[] _rows = null!;
    private CsvDataset<TRow> _csv = null!;
    private CsvDataset<TRow> _csvWriter = null!;
    private ParquetDataset<TRow> _parquet = null!;
    private ParquetDataset<TRow> _parquetWriter = null!;
    private ParquetOptions _parquetLoadOptions = null!;
    private ParquetOptions _parquetSaveOptions = null!;

    [GlobalSetup]
    public void Setup()
    {
        _csvPath = SpaceflightsTables.CsvPath<TRow>();
        _rows = SpaceflightsTables.ReadCsv<TRow>(_csvPath);
        _directory = Path.Combine(Path.GetTempPath(), "compiled-dataset-benchmarks-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var table = SpaceflightsTables.TableName<TRow>();
        _parquetPath = Path.Combine(_directory, table + ".parquet");
        _csvOut = Path.Combine(_directory, "out", table + ".csv");
        _parquetOut = Path.Combine(_directory, "out", table + ".parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(_csvOut)!);

        // Through the catalog: the datasets are built from catalog entries, as generated code builds them.
        _csv = CsvDataset<TRow>.FromConfig(Entry(table, ("type", "csv"), ("filepath", _csvPath)));
        _csvWriter = CsvDataset<TRow>.FromConfig(Entry(table, ("type", "csv"), ("filepath", _csvOut)));
        _parquet = ParquetDataset<TRow>.FromConfig(Entry(table, ("type", "parquet"), ("filepath", _parquetPath)));
        _parquetWriter = ParquetDataset<TRow>.FromConfig(Entry(table, ("type", "parquet"), ("filepath", _parquetOut)));
        _parquetLoadOptions = new ParquetOptions { PropertyNameCaseInsensitive = true };
        _parquetSaveOptions = new ParquetOptions();

        _parquet.Save(_rows);
        Check();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    // ------------------------------------------------------------------ CSV load

    [Benchmark(Baseline = true, Description = "CsvHelper, direct")]
    [BenchmarkCategory("csv load")]
    public TRow[] CsvLoadDirect()
    {
        using var stream = new FileStream(_csvPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.SequentialScan);
        using var csv = CsvReader.Create(stream, SpaceflightsTables.ReadOptions(), leaveOpen: true);
        return TRow.ReadAll(csv);
    }

    [Benchmark(Description = "CsvDataset.Load")]
    [BenchmarkCategory("csv load")]
    public TRow[] CsvLoadDataset() => _csv.Load();

    // ------------------------------------------------------------------ CSV save

    [Benchmark(Baseline = true, Description = "CsvHelper, direct")]
    [BenchmarkCategory("csv save")]
    public void CsvSaveDirect()
    {
        using var stream = new FileStream(_csvOut, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize);
        WriteCsv(stream);
    }

    [Benchmark(Description = "CsvHelper, direct, atomic")]
    [BenchmarkCategory("csv save")]
    public void CsvSaveDirectAtomic() => WriteAtomically(_csvOut, WriteCsv);

    [Benchmark(Description = "CsvDataset.Save")]
    [BenchmarkCategory("csv save")]
    public void CsvSaveDataset() => _csvWriter.Save(_rows);

    // ------------------------------------------------------------------ Parquet load

    [Benchmark(Baseline = true, Description = "ParquetSerializer, direct")]
    [BenchmarkCategory("parquet load")]
    public async Task<IList<TRow>> ParquetLoadDirect()
    {
        await using var stream = new FileStream(_parquetPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize,
            FileOptions.SequentialScan | FileOptions.Asynchronous);
        return (await ParquetSerializer.DeserializeAsync<TRow>(stream, _parquetLoadOptions)).Data;
    }

    [Benchmark(Description = "ParquetDataset.LoadAsync")]
    [BenchmarkCategory("parquet load")]
    public ValueTask<TRow[]> ParquetLoadDataset() => _parquet.LoadAsync();

    [Benchmark(Description = "ParquetDataset.Load (sync)")]
    [BenchmarkCategory("parquet load")]
    public TRow[] ParquetLoadDatasetSync() => _parquet.Load();

    // ------------------------------------------------------------------ Parquet save

    [Benchmark(Baseline = true, Description = "ParquetSerializer, direct")]
    [BenchmarkCategory("parquet save")]
    public async Task ParquetSaveDirect()
    {
        await using var stream = new FileStream(_parquetOut, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
        await ParquetSerializer.SerializeAsync(_rows, stream, _parquetSaveOptions);
    }

    [Benchmark(Description = "ParquetSerializer, direct, atomic")]
    [BenchmarkCategory("parquet save")]
    public async Task ParquetSaveDirectAtomic()
    {
        var temp = _parquetOut + ".tmp";
        var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
        await using (stream)
        {
            await ParquetSerializer.SerializeAsync(_rows, stream, _parquetSaveOptions);
            await stream.FlushAsync();
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, _parquetOut, overwrite: true);
    }

    [Benchmark(Description = "ParquetDataset.SaveAsync")]
    [BenchmarkCategory("parquet save")]
    public ValueTask ParquetSaveDataset() => _parquetWriter.SaveAsync(_rows);

    [Benchmark(Description = "ParquetDataset.Save (sync)")]
    [BenchmarkCategory("parquet save")]
    public void ParquetSaveDatasetSync() => _parquetWriter.Save(_rows);

    private void WriteCsv(Stream stream)
    {
        using var csv = CsvWriter.Create(stream, SpaceflightsTables.WriteOptions(), leaveOpen: true);
        TRow.WriteAll(csv, _rows);
        csv.Flush();
    }

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }

    private static DatasetConfig Entry(string name, params (string Key, string Value)[] keys)
    {
        var location = new ConfigLocation("conf/base/catalog.yml", 1, 1);
        return new DatasetConfig(name,
            new ConfigMapping(keys.Select(k => new KeyValuePair<string, ConfigNode>(k.Key, new ConfigScalar(k.Value, location))), location),
            ProjectDirectoryPath);
    }

    private static string ProjectDirectoryPath => Infrastructure.ProjectDirectory.Path;

    // Both sides must read and write the same data, or the comparison means nothing.
    private void Check()
    {
        var direct = CsvLoadDirect();
        var dataset = CsvLoadDataset();
        var parquetDirect = ParquetLoadDirect().GetAwaiter().GetResult();
        var parquetDataset = ParquetLoadDataset().AsTask().GetAwaiter().GetResult();
        if (direct.Length != dataset.Length || direct.Length != parquetDirect.Count || direct.Length != parquetDataset.Length || direct.Length == 0)
            throw new InvalidOperationException($"{typeof(TRow).Name}: row counts differ ({direct.Length}, {dataset.Length}, {parquetDirect.Count}, {parquetDataset.Length}).");
        // Both load an empty field as null into a string? property, so the rows are the same.
        static string Json(TRow row) => JsonSerializer.Serialize(row);
        for (var i = 0; i < direct.Length; i++)
        {
            var expected = Json(direct[i]);
            if (expected != Json(dataset[i]) || expected != Json(parquetDirect[i]) || expected != Json(parquetDataset[i]))
                throw new InvalidOperationException($"{typeof(TRow).Name}: row {i} differs between the direct calls and the datasets.");
        }
        CsvSaveDirect();
        var directBytes = File.ReadAllBytes(_csvOut);
        CsvSaveDataset();
        if (!directBytes.AsSpan().SequenceEqual(File.ReadAllBytes(_csvOut)))
            throw new InvalidOperationException($"{typeof(TRow).Name}: the direct CSV write and CsvDataset.Save wrote different files.");
        ParquetSaveDirect().GetAwaiter().GetResult();
        directBytes = File.ReadAllBytes(_parquetOut);
        ParquetSaveDataset().AsTask().GetAwaiter().GetResult();
        if (!directBytes.AsSpan().SequenceEqual(File.ReadAllBytes(_parquetOut)))
            throw new InvalidOperationException($"{typeof(TRow).Name}: the direct Parquet write and ParquetDataset.SaveAsync wrote different files.");
    }
}
