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

public enum Stage : short { Draft, Review, Done }

/// <summary>Every supported column type, non-nullable.</summary>
public sealed class AllTypesRow
{
    public bool Flag { get; set; }
    public byte U8 { get; set; }
    public sbyte I8 { get; set; }
    public short I16 { get; set; }
    public ushort U16 { get; set; }
    public int I32 { get; set; }
    public uint U32 { get; set; }
    public long I64 { get; set; }
    public ulong U64 { get; set; }
    public float F32 { get; set; }
    public double F64 { get; set; }
    public decimal Money { get; set; }
    public DateTime Stamp { get; set; }
    public DateTimeOffset Offset { get; set; }
    public DateOnly Day { get; set; }
    public TimeOnly Time { get; set; }
    public Guid Key { get; set; }
    public string Text { get; set; } = "";
    public byte[] Blob { get; set; } = [];
    public Stage Stage { get; set; }
}

/// <summary>Every supported value type, nullable.</summary>
public sealed class NullableTypesRow
{
    public bool? Flag { get; set; }
    public byte? U8 { get; set; }
    public short? I16 { get; set; }
    public int? I32 { get; set; }
    public ulong? U64 { get; set; }
    public float? F32 { get; set; }
    public decimal? Money { get; set; }
    public DateTime? Stamp { get; set; }
    public DateTimeOffset? Offset { get; set; }
    public DateOnly? Day { get; set; }
    public TimeOnly? Time { get; set; }
    public Guid? Key { get; set; }
    public byte[]? Blob { get; set; }
    public Stage? Stage { get; set; }
}

public sealed class SpanRow
{
    public int Id { get; set; }
    public TimeSpan Elapsed { get; set; }
}

public sealed class ScoreRow
{
    public int Id { get; set; }
    public double Score { get; set; }
}

public sealed class LongIdRow
{
    public long Id { get; set; }
}

/// <summary>What Parquet.Net's serializer supports of <see cref="NullableTypesRow"/> (not DateTimeOffset).</summary>
public sealed class SerializerTypesRow
{
    public bool? Flag { get; set; }
    public byte? U8 { get; set; }
    public short? I16 { get; set; }
    public int? I32 { get; set; }
    public ulong? U64 { get; set; }
    public float? F32 { get; set; }
    public decimal? Money { get; set; }
    public DateTime? Stamp { get; set; }
    public DateOnly? Day { get; set; }
    public TimeOnly? Time { get; set; }
    public Guid? Key { get; set; }
    public byte[]? Blob { get; set; }
    public Stage? Stage { get; set; }
}

/// <summary>Optional columns of each kind the dataset splits into values and definition levels itself.</summary>
public sealed class OptionalColumnsRow
{
    public int Id { get; set; }
    public string? Name { get; set; }
    public double? Score { get; set; }
    public int? Count { get; set; }
    public byte[]? Blob { get; set; }
}

public sealed class StageTextRow
{
    public string? Stage { get; set; }
}

public sealed class StageRow
{
    public Stage Stage { get; set; }
}

public sealed class AttributedParquetRow
{
    public int Id { get; set; }

    [JsonIgnore]
    public string Secret { get; set; } = "secret";

    [Parquet.Serialization.Attributes.ParquetIgnore]
    public string Scratch { get; set; } = "scratch";

    public int Twice => Id * 2;

    [JsonPropertyOrder(-1)]
    public string? First { get; set; }
}

public sealed class OrderedParquetRow
{
    [JsonPropertyOrder(2)]
    public int A { get; set; }

    public int B { get; set; }

    [JsonPropertyOrder(-1)]
    public int C { get; set; }

    [JsonPropertyOrder(2)]
    public int D { get; set; }

    public int E { get; set; }

    [JsonPropertyOrder(1)]
    public int F { get; set; }
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

    /// <summary>
    /// The dataset hands Parquet.Net the values present and the definition levels of an optional column itself; the file
    /// must be the one Parquet.Net writes from the nullable arrays (its own split), byte for byte.
    /// </summary>
    [Fact]
    public async Task Optional_columns_are_written_byte_identical_to_parquet_net_from_nullable_arrays()
    {
        var rows = Enumerable.Range(0, 2_500).Select(i => new OptionalColumnsRow
        {
            Id = i,
            Name = i % 3 == 0 ? null : i % 7 == 0 ? "" : "name " + (i % 40),
            Score = i % 4 == 1 ? null : i / 8.0,
            Count = i % 5 == 2 ? null : -i,
            Blob = i % 6 == 3 ? null : i % 11 == 0 ? [] : [(byte)i, (byte)(i >> 8)],
        }).ToArray();
        var options = new ParquetOptions { RowGroupSize = 1_000 };
        var dataset = new ParquetDataset<OptionalColumnsRow>("optional", _dir.File("optional.parquet"), saveOptions: options);

        await dataset.SaveAsync(rows);

        var fields = new[]
        {
            new Parquet.Schema.DataField("Id", typeof(int), false), new Parquet.Schema.DataField("Name", typeof(string), true),
            new Parquet.Schema.DataField("Score", typeof(double), true), new Parquet.Schema.DataField("Count", typeof(int), true),
            new Parquet.Schema.DataField("Blob", typeof(byte[]), true),
        };
        using var expected = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(fields), expected, options))
        {
            foreach (var chunk in rows.Chunk(1_000))
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync<int>(fields[0], chunk.Select(r => r.Id).ToArray().AsMemory());
                await group.WriteAsync(fields[1], chunk.Select(r => r.Name).ToArray());
                await group.WriteAsync<double>(fields[2], chunk.Select(r => r.Score).ToArray().AsMemory());
                await group.WriteAsync<int>(fields[3], chunk.Select(r => r.Count).ToArray().AsMemory());
                await group.WriteAsync(fields[4], chunk.Select(r => r.Blob).ToArray());
            }
        }
        Assert.Equal(expected.ToArray(), await File.ReadAllBytesAsync(dataset.FilePath));
        Assert.Equal(rows.Select(r => (r.Id, r.Name, r.Score, r.Count, r.Blob is null ? null : Convert.ToHexString(r.Blob))),
            dataset.Load().Select(r => (r.Id, r.Name, r.Score, r.Count, r.Blob is null ? null : Convert.ToHexString(r.Blob))));
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

    [Fact]
    public void Every_supported_type_round_trips_and_reads_back_through_parquet_net()
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 200).Select(i => new AllTypesRow
        {
            Flag = i % 3 == 0,
            U8 = (byte)random.Next(256),
            I8 = (sbyte)random.Next(-128, 128),
            I16 = (short)random.Next(short.MinValue, short.MaxValue),
            U16 = (ushort)random.Next(ushort.MaxValue),
            I32 = random.Next(int.MinValue, int.MaxValue),
            U32 = (uint)random.NextInt64(uint.MaxValue),
            I64 = random.NextInt64(long.MinValue, long.MaxValue),
            U64 = (ulong)random.NextInt64(long.MaxValue) * 2,
            F32 = (float)random.NextDouble(),
            F64 = random.NextDouble() * 1e9,
            Money = Math.Round((decimal)random.NextDouble() * 1_000_000m, 4),
            Stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(random.NextInt64(0, 100_000_000_000)),
            Offset = new DateTimeOffset(2021, 6, 1, 12, 0, 0, TimeSpan.Zero).AddSeconds(random.Next()),
            Day = DateOnly.FromDayNumber(random.Next(700_000, 800_000)),
            Time = new TimeOnly(random.NextInt64(TimeOnly.MaxValue.Ticks) / 10 * 10),
            Key = Guid.NewGuid(),
            Text = RandomText(random),
            Blob = Enumerable.Range(0, random.Next(0, 10)).Select(_ => (byte)random.Next(256)).ToArray(),
            Stage = (Stage)(i % 3),
        }).ToArray();
        var path = _dir.File("all.parquet");
        var dataset = new ParquetDataset<AllTypesRow>("all", path);

        dataset.Save(rows);
        var loaded = dataset.Load();

        Assert.Equal(rows.Length, loaded.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var (a, b) = (rows[i], loaded[i]);
            Assert.Equal((a.Flag, a.U8, a.I8, a.I16, a.U16, a.I32, a.U32, a.I64, a.U64, a.F32, a.F64, a.Money),
                (b.Flag, b.U8, b.I8, b.I16, b.U16, b.I32, b.U32, b.I64, b.U64, b.F32, b.F64, b.Money));
            Assert.Equal((a.Stamp, a.Offset, a.Day, a.Time, a.Key, a.Text, a.Stage), (b.Stamp, b.Offset, b.Day, b.Time, b.Key, b.Text, b.Stage));
            Assert.Equal(a.Blob, b.Blob);
            Assert.Equal(TimeSpan.Zero, b.Offset.Offset);
        }
    }

    [Fact]
    public async Task Files_written_by_parquet_nets_serializer_load()
    {
        var rows = Enumerable.Range(0, 50).Select(i => new SerializerTypesRow
        {
            Flag = i % 2 == 0 ? null : i % 3 == 0,
            U8 = i % 5 == 0 ? null : (byte)i,
            I16 = i % 4 == 0 ? null : (short)-i,
            I32 = i % 3 == 0 ? null : i * 1000,
            U64 = i % 7 == 0 ? null : (ulong)i << 40,
            F32 = i % 6 == 0 ? null : i / 4f,
            Money = i % 2 == 1 ? null : i * 1.25m,
            Stamp = i % 3 == 1 ? null : new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i),
            Day = i % 4 == 1 ? null : new DateOnly(2024, 1, 1).AddDays(i),
            Time = i % 5 == 1 ? null : new TimeOnly(0, 0).Add(TimeSpan.FromSeconds(i * 61)), 
            Key = i % 2 == 0 ? null : new Guid(i, 0, 0, new byte[8]),
            Blob = i % 3 == 2 ? null : [(byte)i],
            Stage = i % 4 == 3 ? null : (Stage)(i % 3),
        }).ToArray();
        var path = _dir.File("serializer.parquet");
        await using (var stream = File.Create(path))
        {
            await ParquetSerializer.SerializeAsync(rows, stream);
        }

        var loaded = new ParquetDataset<NullableTypesRow>("n", path).Load();

        Assert.Equal(rows.Select(a => (a.Flag, a.U8, a.I16, a.I32, a.U64, a.F32, a.Money)), loaded.Select(b => (b.Flag, b.U8, b.I16, b.I32, b.U64, b.F32, b.Money)));
        Assert.Equal(rows.Select(a => (a.Stamp, a.Day, a.Key, a.Stage)), loaded.Select(b => (b.Stamp, b.Day, b.Key, b.Stage)));
        // Parquet.Net 6.1's serializer stores TimeOnly as 100 ns ticks in a TIME(MICROS) column; the dataset
        // reads microseconds, as the Parquet format (and Parquet.Net's own decoder) define them: such a file's times load 10 times too large.
        Assert.Equal(rows.Select(a => a.Time?.Ticks * 10), loaded.Select(b => b.Time?.Ticks));
        Assert.Equal(rows.Select(a => a.Blob), loaded.Select(b => b.Blob));
        Assert.All(loaded, r => Assert.Null(r.Offset));
    }

    [Fact]
    public void Nullable_value_columns_with_nulls_round_trip()
    {
        var rows = Enumerable.Range(0, 40).Select(i => new NullableTypesRow
        {
            Flag = i % 2 == 0 ? null : true,
            U8 = i % 5 == 0 ? null : (byte)i,
            I16 = i % 4 == 0 ? null : (short)-i,
            I32 = i % 3 == 0 ? null : i,
            U64 = i % 7 == 0 ? null : ulong.MaxValue - (ulong)i,
            F32 = i % 6 == 0 ? null : i / 8f,
            Money = i % 2 == 1 ? null : -i * 0.5m,
            Stamp = i % 3 == 1 ? null : new DateTime(1999, 12, 31, 23, 0, 0, DateTimeKind.Utc).AddHours(i),
            Offset = i % 3 == 2 ? null : new DateTimeOffset(2025, 3, 1, 8, 30, 0, TimeSpan.FromHours(2)).AddDays(i),
            Day = i % 4 == 1 ? null : new DateOnly(2000, 2, 28).AddDays(i),
            Time = i % 5 == 1 ? null : new TimeOnly(23, 59, 59).Add(TimeSpan.FromMilliseconds(-i)),
            Key = i % 2 == 0 ? null : Guid.NewGuid(),
            Blob = i % 3 == 2 ? null : [1, 2, (byte)i],
            Stage = i % 4 == 3 ? null : Stage.Review,
        }).Append(new NullableTypesRow()).ToArray();
        var dataset = new ParquetDataset<NullableTypesRow>("n", _dir.File("n.parquet"));

        dataset.Save(rows);
        var loaded = dataset.Load();

        AssertSameNullableRows(rows, loaded);
        Assert.All(loaded.Where(r => r.Offset is not null), r => Assert.Equal(TimeSpan.Zero, r.Offset!.Value.Offset));
        Assert.Equal(rows.Select(r => r.Offset), loaded.Select(r => r.Offset));
    }

    [Fact]
    public async Task Row_group_size_splits_rows_into_groups_that_load_in_order()
    {
        var path = _dir.File("groups.parquet");
        var dataset = new ParquetDataset<ParquetRow>("groups", path, saveOptions: new ParquetOptions { RowGroupSize = 3 });
        var rows = Enumerable.Range(0, 10).Select(i => new ParquetRow { Id = i, Name = i % 4 == 0 ? null : $"n{i}", Score = i % 3 == 0 ? null : i / 2.0 }).ToArray();

        await dataset.SaveAsync(rows);
        var loaded = await dataset.LoadAsync();

        await using (var stream = File.OpenRead(path))
        await using (var reader = await ParquetReader.CreateAsync(stream))
        {
            Assert.Equal(4, reader.RowGroupCount);
            Assert.Equal([3L, 3L, 3L, 1L], Enumerable.Range(0, 4).Select(g => { using var group = reader.OpenRowGroupReader(g); return group.RowCount; }));
        }
        Assert.Equal(rows.Select(r => (r.Id, r.Name, r.Score)), loaded.Select(r => (r.Id, r.Name, r.Score)));
        Assert.Equal(rows.Select(r => (r.Id, r.Name, r.Score)), dataset.Load().Select(r => (r.Id, r.Name, r.Score)));
    }

    [Fact]
    public void An_empty_table_saves_its_columns_and_loads_empty()
    {
        var path = _dir.File("empty.parquet");
        new ParquetDataset<ParquetRow>("empty", path).Save([]);

        Assert.Empty(new ParquetDataset<ParquetRow>("empty", path).Load());
        var ex = Assert.Throws<DatasetException>(() => new ParquetDataset<NeedsRatingRow>("ratings", path).Load());
        Assert.Contains("Id, Name, Score", ex.Message);
    }

    [Fact]
    public void An_unsupported_property_type_names_the_dataset_the_row_type_and_the_property()
    {
        var path = _dir.File("spans.parquet");
        var dataset = new ParquetDataset<SpanRow>("spans", path);

        var save = Assert.Throws<DatasetException>(() => dataset.Save([new SpanRow { Id = 1, Elapsed = TimeSpan.FromSeconds(3) }]));
        new ParquetDataset<ScoreRow>("scores", path).Save([new ScoreRow { Id = 1 }]);
        var load = Assert.Throws<DatasetException>(() => dataset.Load());

        foreach (var ex in new[] { save, load })
        {
            Assert.Contains("Dataset 'spans'", ex.Message);
            Assert.Contains(path, ex.Message);
            Assert.Contains("SpanRow.Elapsed is a TimeSpan, which cannot be a Parquet column", ex.Message);
            Assert.Contains("[JsonIgnore]", ex.Message);
        }
        Assert.Equal(["spans.parquet"], _dir.AllFiles());
    }

    [Fact]
    public void A_null_loaded_into_a_non_nullable_property_names_the_column_the_property_and_the_row()
    {
        var path = _dir.File("scores.parquet");
        new ParquetDataset<ParquetRow>("rows", path).Save([new ParquetRow { Id = 1, Score = 2.5 }, new ParquetRow { Id = 2, Score = null }]);

        var ex = Assert.Throws<DatasetException>(() => new ParquetDataset<ScoreRow>("scores", path).Load());

        Assert.Contains("Dataset 'scores'", ex.Message);
        Assert.Contains(path, ex.Message);
        Assert.Contains("column 'Score' does not fit Double (ScoreRow.Score): row 2 is null", ex.Message);
    }

    [Fact]
    public void An_optional_column_without_nulls_loads_into_a_non_nullable_property()
    {
        // pandas writes every column optional.
        var path = _dir.File("scores.parquet");
        new ParquetDataset<ParquetRow>("rows", path).Save([new ParquetRow { Id = 1, Score = 2.5 }, new ParquetRow { Id = 2, Score = 4 }]);

        var loaded = new ParquetDataset<ScoreRow>("scores", path).Load();

        Assert.Equal([(1, 2.5), (2, 4.0)], loaded.Select(r => (r.Id, r.Score)));
    }

    [Fact]
    public void A_column_of_another_width_names_the_column_and_what_it_holds()
    {
        var path = _dir.File("rows.parquet");
        new ParquetDataset<ParquetRow>("rows", path).Save([new ParquetRow { Id = 1, Score = 1 }]);

        var wide = Assert.Throws<DatasetException>(() => new ParquetDataset<LongIdRow>("longs", path).Load());
        var text = Assert.Throws<DatasetException>(() => new ParquetDataset<IdAsStringRow>("ids", path).Load());

        Assert.Contains("Dataset 'longs'", wide.Message);
        Assert.Contains("column 'Id' does not fit Int64 (LongIdRow.Id): the column holds required Int32", wide.Message);
        Assert.Contains("column 'Id' does not fit String (IdAsStringRow.Id): the column holds required Int32", text.Message);
    }

    [Fact]
    public void Enums_save_as_integers_and_load_from_integers_or_names()
    {
        var path = _dir.File("stages.parquet");
        new ParquetDataset<StageTextRow>("text", path).Save([new StageTextRow { Stage = "review" }, new StageTextRow { Stage = "Done" }]);

        var fromText = new ParquetDataset<StageRow>("stages", path).Load();
        new ParquetDataset<StageRow>("stages", path).Save(fromText);
        var fromNumbers = new ParquetDataset<StageRow>("stages", path).Load();
        var bad = _dir.File("bad.parquet");
        new ParquetDataset<StageTextRow>("text", bad).Save([new StageTextRow { Stage = "Shipped" }]);
        var ex = Assert.Throws<DatasetException>(() => new ParquetDataset<StageRow>("stages", bad).Load());

        Assert.Equal([Stage.Review, Stage.Done], fromText.Select(r => r.Stage));
        Assert.Equal([Stage.Review, Stage.Done], fromNumbers.Select(r => r.Stage));
        Assert.Contains("Dataset 'stages'", ex.Message);
        Assert.Contains("StageRow.Stage of row 1", ex.Message);
        Assert.Contains("Shipped", ex.Message);
    }

    [Fact]
    public async Task Ignored_properties_are_left_out_get_only_ones_saved_and_JsonPropertyOrder_orders_columns()
    {
        var path = _dir.File("attributed.parquet");
        var dataset = new ParquetDataset<AttributedParquetRow>("a", path);

        dataset.Save([new AttributedParquetRow { Id = 4, First = "x", Secret = "s", Scratch = "t" }]);
        var loaded = dataset.Load().Single();

        await using var stream = File.OpenRead(path);
        var untyped = await ParquetSerializer.DeserializeUntypedAsync(stream);
        Assert.Equal(["First", "Id", "Twice"], untyped.Schema.Fields.Select(f => f.Name));
        Assert.Equal(8L, Convert.ToInt64(untyped.Data.Single()["Twice"]));
        Assert.Equal((4, "x", "secret", "scratch"), (loaded.Id, loaded.First, loaded.Secret, loaded.Scratch));
    }

    [Fact]
    public async Task Columns_are_ordered_by_JsonPropertyOrder_then_as_declared_as_System_Text_Json_orders_them()
    {
        var path = _dir.File("ordered.parquet");
        var row = new OrderedParquetRow { A = 1, B = 2, C = 3, D = 4, E = 5, F = 6 };

        new ParquetDataset<OrderedParquetRow>("ordered", path).Save([row]);

        await using var stream = File.OpenRead(path);
        var untyped = await ParquetSerializer.DeserializeUntypedAsync(stream);
        Assert.Equal("""{"C":3,"B":2,"E":5,"F":6,"A":1,"D":4}""", System.Text.Json.JsonSerializer.Serialize(row));
        Assert.Equal(["C", "B", "E", "F", "A", "D"], untyped.Schema.Fields.Select(f => f.Name));
    }

    [Fact]
    public void Parquet_dataset_is_not_marked_as_requiring_unreferenced_or_dynamic_code()
    {
        var attributes = typeof(ParquetDataset<>).GetCustomAttributes(inherit: false).Select(a => a.GetType().Name).ToArray();

        Assert.DoesNotContain("RequiresUnreferencedCodeAttribute", attributes);
        Assert.DoesNotContain("RequiresDynamicCodeAttribute", attributes);
    }

    private static void AssertSameNullableRows(NullableTypesRow[] expected, NullableTypesRow[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var (a, b) = (expected[i], actual[i]);
            Assert.Equal((a.Flag, a.U8, a.I16, a.I32, a.U64, a.F32, a.Money), (b.Flag, b.U8, b.I16, b.I32, b.U64, b.F32, b.Money));
            Assert.Equal((a.Stamp, a.Day, a.Time, a.Key, a.Stage), (b.Stamp, b.Day, b.Time, b.Key, b.Stage));
            Assert.Equal(a.Blob, b.Blob);
        }
    }

    private static string RandomText(Random random)
    {
        const string alphabet = "abcXYZ 019,;\"'\n\tüñ✓";
        return new string(Enumerable.Range(0, random.Next(0, 20)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }
}
