using System.Text.Json.Serialization;
using Compiled.Datasets;
using Parquet;
using Parquet.Serialization;
using Xunit;

namespace Compiled.Tests.Datasets;

public sealed class ParquetRow
{
    public int Id { get; set; }
    public string? Name { get; set; }
    public double? Score { get; set; }
}

public sealed class WideParquetRow
{
    public int Id { get; set; }
    public long Big { get; set; }
    public double Price { get; set; }
    public bool Approved { get; set; }
    public string? Location { get; set; }
    public int? Engines { get; set; }
    public DateTime When { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A row whose getter throws from row 1000 on: a save failing midway.</summary>
public sealed class FragileParquetRow
{
    public int Index { get; set; }
    public string Payload
    {
        get => Index >= 999 ? throw new InvalidOperationException($"getter failed at {Index}") : new string('p', 50);
        set { }
    }
}

public sealed class SnakeParquetRow
{
    [JsonPropertyName("company_rating")]
    public double CompanyRating { get; set; }
}

public sealed class NeedsRatingRow
{
    public int Id { get; set; }
    public double Rating { get; set; }
}

public sealed class IdAsStringRow
{
    public string? Id { get; set; }
}

public sealed class ParquetDatasetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Random_tables_round_trip()
    {
        // Property-based: 50 random tables (seeded, so a failure reproduces), including empty ones and nulls.
        var random = new Random(20261125);
        for (var run = 0; run < 50; run++)
        {
            var rows = Enumerable.Range(0, random.Next(0, 300)).Select(_ => new WideParquetRow
            {
                Id = random.Next(),
                Big = random.NextInt64(long.MinValue, long.MaxValue),
                Price = random.NextDouble() * 1e6 - 5e5,
                Approved = random.Next(2) == 0,
                Location = random.Next(5) == 0 ? null : RandomText(random),
                Engines = random.Next(4) == 0 ? null : random.Next(0, 8),
                When = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(random.NextInt64(0, 1_000_000_000_000)),
                Amount = Math.Round((decimal)random.NextDouble() * 10000m, 2),
            }).ToArray();
            var dataset = new ParquetDataset<WideParquetRow>("table", _dir.File($"t{run}.parquet"));

            dataset.Save(rows);
            var loaded = dataset.Load();

            Assert.Equal(rows.Length, loaded.Length);
            for (var i = 0; i < rows.Length; i++)
            {
                Assert.Equal(
                    (rows[i].Id, rows[i].Big, rows[i].Price, rows[i].Approved, rows[i].Location, rows[i].Engines, rows[i].When, rows[i].Amount),
                    (loaded[i].Id, loaded[i].Big, loaded[i].Price, loaded[i].Approved, loaded[i].Location, loaded[i].Engines, loaded[i].When, loaded[i].Amount));
            }
        }
    }

    [Fact]
    public async Task Async_round_trip_matches_parquet_net_directly()
    {
        var rows = new[] { new ParquetRow { Id = 1, Name = "Sao Tome", Score = 9.5 }, new ParquetRow { Id = 2, Name = null, Score = null } };
        var dataset = new ParquetDataset<ParquetRow>("rows", _dir.File("02_intermediate", "rows.parquet"));

        await dataset.SaveAsync(rows);
        await using var stream = File.OpenRead(dataset.FilePath);
        var direct = await ParquetSerializer.DeserializeAsync<ParquetRow>(stream);
        var loaded = await dataset.LoadAsync();

        Assert.Equal(rows.Select(r => (r.Id, r.Name, r.Score)), direct.Data.Select(r => (r.Id, r.Name, r.Score)));
        Assert.Equal(rows.Select(r => (r.Id, r.Name, r.Score)), loaded.Select(r => (r.Id, r.Name, r.Score)));
        Assert.Equal(["Id", "Name", "Score"], direct.Schema.Fields.Select(f => f.Name));
    }

    [Fact]
    public void A_save_failing_midway_leaves_the_previous_file_byte_identical()
    {
        var path = _dir.File("fragile.parquet");
        var dataset = new ParquetDataset<FragileParquetRow>("fragile", path);
        dataset.Save(Enumerable.Range(0, 10).Select(i => new FragileParquetRow { Index = i }).ToArray());
        var before = File.ReadAllBytes(path);

        var ex = Assert.Throws<DatasetException>(() => dataset.Save(Enumerable.Range(0, 2000).Select(i => new FragileParquetRow { Index = i }).ToArray()));

        Assert.Contains("Dataset 'fragile'", ex.Message);
        Assert.Contains(path, ex.Message);
        Assert.Contains("Payload", ex.Message);
        Assert.Contains("getter failed at 999", ex.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["fragile.parquet"], _dir.AllFiles());
    }

    [Fact]
    public async Task An_async_save_failing_midway_leaves_the_previous_file_byte_identical()
    {
        var path = _dir.File("fragile.parquet");
        var dataset = new ParquetDataset<FragileParquetRow>("fragile", path);
        await dataset.SaveAsync([new FragileParquetRow { Index = 1 }]);
        var before = File.ReadAllBytes(path);

        await Assert.ThrowsAsync<DatasetException>(async () => await dataset.SaveAsync(Enumerable.Range(0, 2000).Select(i => new FragileParquetRow { Index = i }).ToArray()));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["fragile.parquet"], _dir.AllFiles());
    }

    [Fact]
    public void A_missing_column_names_the_dataset_the_file_and_the_column()
    {
        var path = _dir.File("rows.parquet");
        new ParquetDataset<ParquetRow>("rows", path).Save([new ParquetRow { Id = 1 }]);

        var ex = Assert.Throws<DatasetException>(() => new ParquetDataset<NeedsRatingRow>("ratings", path).Load());

        Assert.Contains("Dataset 'ratings'", ex.Message);
        Assert.Contains(path, ex.Message);
        Assert.Contains("no column 'Rating' (for NeedsRatingRow.Rating)", ex.Message);
        Assert.Contains("Id, Name, Score", ex.Message);
    }

    [Fact]
    public void A_column_of_the_wrong_type_names_the_column_and_the_property()
    {
        var path = _dir.File("rows.parquet");
        new ParquetDataset<ParquetRow>("rows", path).Save([new ParquetRow { Id = 1 }]);

        var ex = Assert.Throws<DatasetException>(() => new ParquetDataset<IdAsStringRow>("ids", path).Load());

        Assert.Contains("Dataset 'ids'", ex.Message);
        Assert.Contains(path, ex.Message);
        Assert.Contains("column 'Id'", ex.Message);
        Assert.Contains("IdAsStringRow.Id", ex.Message);
    }

    [Fact]
    public void A_file_that_is_not_parquet_and_a_missing_file_name_the_dataset_and_file()
    {
        var path = _dir.File("bad.parquet");
        File.WriteAllText(path, "id,name\n1,x\n");
        var missing = _dir.File("none.parquet");

        var bad = Assert.Throws<DatasetException>(() => new ParquetDataset<ParquetRow>("bad", path).Load());
        var none = Assert.Throws<DatasetException>(() => new ParquetDataset<ParquetRow>("none", missing).Load());

        Assert.Contains("Dataset 'bad'", bad.Message);
        Assert.Contains(path, bad.Message);
        Assert.Contains("Dataset 'none'", none.Message);
        Assert.Contains("file not found", none.Message);
    }

    [Fact]
    public async Task JsonPropertyName_names_snake_case_columns()
    {
        var path = _dir.File("c.parquet");
        new ParquetDataset<SnakeParquetRow>("c", path).Save([new SnakeParquetRow { CompanyRating = 0.9 }]);

        await using var stream = File.OpenRead(path);
        var untyped = await ParquetSerializer.DeserializeUntypedAsync(stream);

        Assert.Equal("company_rating", untyped.Schema.Fields.Single().Name);
        Assert.Equal(0.9, new ParquetDataset<SnakeParquetRow>("c", path).Load().Single().CompanyRating);
    }

    [Fact]
    public async Task Save_args_set_compression_and_row_groups_and_unknown_keys_are_located_errors()
    {
        var dataset = ParquetDataset<ParquetRow>.FromConfig(Yaml.Dataset("rows", _dir.Path,
            ("type", "parquet"), ("filepath", "data/rows.parquet"),
            ("save_args", Yaml.MapAt(20, ("compression", "gzip"), ("row_group_size", "2"), ("index", "false")))));
        dataset.Save(Enumerable.Range(0, 5).Select(i => new ParquetRow { Id = i }).ToArray());

        Assert.Equal(CompressionMethod.Gzip, dataset.SaveOptions.CompressionMethod);
        Assert.Equal(_dir.File("data", "rows.parquet"), dataset.FilePath);
        await using (var stream = File.OpenRead(dataset.FilePath))
        await using (var reader = await ParquetReader.CreateAsync(stream))
        {
            Assert.Equal(3, reader.RowGroupCount);
        }
        Assert.Equal(5, dataset.Load().Length);

        var unknown = Assert.Throws<DatasetException>(() => ParquetDataset<ParquetRow>.FromConfig(Yaml.Dataset("rows", _dir.Path,
            ("type", "parquet"), ("filepath", "r.parquet"), ("save_args", Yaml.MapAt(30, ("compresion", "gzip"))))));
        var badCodec = Assert.Throws<DatasetException>(() => ParquetDataset<ParquetRow>.FromConfig(Yaml.Dataset("rows", _dir.Path,
            ("type", "parquet"), ("filepath", "r.parquet"), ("save_args", Yaml.MapAt(40, ("compression", "zip"))))));

        Assert.Contains("'save_args.compresion'", unknown.Message);
        Assert.Contains($"{Yaml.File}:31:", unknown.Message);
        Assert.Contains("'zip'", badCodec.Message);
        Assert.Contains($"{Yaml.File}:41:", badCodec.Message);
    }

    private static string RandomText(Random random)
    {
        const string alphabet = "abcXYZ 019,;\"'\n\tüñ✓";
        return new string(Enumerable.Range(0, random.Next(0, 20)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }
}
