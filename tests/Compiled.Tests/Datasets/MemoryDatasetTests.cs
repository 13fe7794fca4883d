using Compiled.Datasets;
using Xunit;

namespace Compiled.Tests.Datasets;

public sealed class MemoryDatasetTests
{
    [Fact]
    public void Empty_dataset_does_not_exist_and_load_names_it()
    {
        var dataset = new MemoryDataset<int[]>("model_input_table");

        Assert.False(dataset.Exists());
        var ex = Assert.Throws<DatasetException>(() => dataset.Load());
        Assert.Equal("model_input_table", ex.DatasetName);
        Assert.StartsWith("Dataset 'model_input_table' has no data: ", ex.Message);
    }

    [Fact]
    public void Save_then_load_returns_the_value()
    {
        var dataset = new MemoryDataset<string>("x");
        dataset.Save("a");
        dataset.Save("b");

        Assert.True(dataset.Exists());
        Assert.Equal("b", dataset.Load());
    }

    [Fact]
    public async Task Constructed_with_data_exists_and_loads_it_sync_and_async()
    {
        IDataset<List<int>> dataset = new MemoryDataset<List<int>>("x", [1, 2]);

        Assert.True(dataset.Exists());
        Assert.Equal([1, 2], dataset.Load());
        Assert.Equal([1, 2], await dataset.LoadAsync());
        await dataset.SaveAsync([3]);
        Assert.Equal([3], dataset.Load());
    }

    [Fact]
    public void Null_is_a_value_and_release_forgets_it()
    {
        var dataset = new MemoryDataset<string?>("x", null);
        Assert.True(dataset.Exists());
        Assert.Null(dataset.Load());

        dataset.Release();

        Assert.False(dataset.Exists());
        Assert.Throws<DatasetException>(() => dataset.Load());
    }

    [Fact]
    public void FromConfig_creates_an_empty_dataset_with_the_entry_name()
    {
        var dataset = MemoryDataset<int>.FromConfig(Yaml.Dataset("scores", "/project", ("type", "memory")));

        Assert.Equal("scores", dataset.Name);
        Assert.False(dataset.Exists());
    }

    // Larger than any single load or store the JIT emits, so an unsynchronized copy would tear.
    private readonly record struct Wide(long A, long B, long C, long D, long E, long F, long G, long H, long I, long J)
    {
        public static Wide Of(long v) => new(v, v, v, v, v, v, v, v, v, v);

        public bool IsConsistent => A == B && B == C && C == D && D == E && E == F && F == G && G == H && H == I && I == J;
    }

    [Fact]
    public void Concurrent_saves_and_loads_never_see_a_torn_value()
    {
        var dataset = new MemoryDataset<Wide>("wide", Wide.Of(0));
        var stop = 0;
        long writes = 0;
        // Dedicated threads: on a small machine, thread-pool tasks may not start before the reader ends.
        var writers = Enumerable.Range(1, 2).Select(w => new Thread(() =>
        {
            for (long i = w; Volatile.Read(ref stop) == 0; i += 2)
            {
                dataset.Save(Wide.Of(i));
                Interlocked.Increment(ref writes);
            }
        }) { IsBackground = true }).ToList();
        writers.ForEach(t => t.Start());

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Interlocked.Read(ref writes) < 1000 && clock.Elapsed < TimeSpan.FromSeconds(10)) Thread.Yield();
        var writesBefore = Interlocked.Read(ref writes);
        var torn = 0;
        for (var read = 0; read < 2_000_000 && clock.Elapsed < TimeSpan.FromSeconds(10); read++)
        {
            if (!dataset.Load().IsConsistent) torn++;
        }
        var writesDuring = Interlocked.Read(ref writes) - writesBefore;
        Volatile.Write(ref stop, 1);
        writers.ForEach(t => t.Join());

        Assert.True(writesDuring > 1000, $"the writers barely ran ({writesDuring} saves during the reads)");
        Assert.Equal(0, torn);
    }
}
