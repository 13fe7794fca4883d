using Compiled.Datasets;
using Xunit;

namespace Compiled.Tests.Datasets;

public sealed class BinaryDatasetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Random_byte_arrays_round_trip_sync_and_async()
    {
        var random = new Random(5);
        foreach (var length in new[] { 0, 1, 255, 65_536, 65_537, 1_000_003 })
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            var dataset = new BinaryDataset("blob", _dir.File("06_models", $"blob{length}.bin"));

            dataset.Save(bytes);
            Assert.Equal(bytes, dataset.Load());
            await dataset.SaveAsync(bytes.Reverse().ToArray());
            Assert.Equal(bytes.Reverse().ToArray(), await dataset.LoadAsync());
            Assert.Equal(bytes.Reverse().ToArray(), File.ReadAllBytes(dataset.FilePath));
        }
    }

    [Fact]
    public void A_missing_file_and_null_data_name_the_dataset_and_file()
    {
        var dataset = new BinaryDataset("blob", _dir.File("none.bin"));

        var missing = Assert.Throws<DatasetException>(() => dataset.Load());
        var nothing = Assert.Throws<DatasetException>(() => dataset.Save(null!));

        Assert.Contains("Dataset 'blob'", missing.Message);
        Assert.Contains(dataset.FilePath, missing.Message);
        Assert.Contains("file not found", missing.Message);
        Assert.Contains("cannot save null", nothing.Message);
        Assert.False(dataset.Exists());
    }

    [Fact]
    public async Task A_cancelled_save_leaves_the_previous_file_byte_identical()
    {
        var dataset = new BinaryDataset("blob", _dir.File("b.bin"));
        dataset.Save([1, 2, 3]);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await dataset.SaveAsync(new byte[1000], cancelled.Token));

        Assert.Equal([1, 2, 3], File.ReadAllBytes(dataset.FilePath));
        Assert.Equal(["b.bin"], _dir.AllFiles());
    }

    [Fact]
    public void FromConfig_reads_the_path_relative_to_the_project_and_rejects_args()
    {
        var dataset = BinaryDataset.FromConfig(Yaml.Dataset("blob", _dir.Path, ("type", "binary"), ("filepath", "data/06_models/m.bin")));
        var ex = Assert.Throws<DatasetException>(() => BinaryDataset.FromConfig(Yaml.Dataset("blob", _dir.Path,
            ("type", "binary"), ("filepath", "m.bin"), ("load_args", Yaml.MapAt(20, ("encoding", "utf-8"))))));

        Assert.Equal(_dir.File("data", "06_models", "m.bin"), dataset.FilePath);
        Assert.Contains("'load_args.encoding'", ex.Message);
        Assert.Contains($"{Yaml.File}:21:", ex.Message);
    }
}
