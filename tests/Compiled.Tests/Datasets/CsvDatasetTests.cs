using System.Globalization;
using Compiled.Datasets;
using Xunit;

namespace Compiled.Tests.Datasets;

/// <summary>A positional record: bound through its constructor.</summary>
public sealed record ShuttleRow(int Id, string ShuttleLocation, string? Notes, double Price, double? ReviewScore, bool DCheckComplete, int? Engines);

/// <summary>A class with settable properties: bound through its setters.</summary>
public sealed class CompanyRow
{
    public int Id { get; set; }
    public int CompanyRating { get; set; }
    public string CompanyLocation { get; set; } = "";
    public double? TotalFleetCount { get; set; }
}

/// <summary>A row with naming attributes, which take precedence over the snake_case naming.</summary>
public sealed class AttributedRow
{
    [System.Text.Json.Serialization.JsonPropertyName("Shuttle ID")]
    public int ShuttleId { get; set; }

    public string EngineVendor { get; set; } = "";

    [System.Text.Json.Serialization.JsonIgnore]
    public string Computed => EngineVendor.ToUpperInvariant();
}

/// <summary>The same row named with CsvHelper's attributes.</summary>
public sealed class CsvAttributedRow
{
    [CsvHelper.CsvColumn("Shuttle ID")]
    public int ShuttleId { get; set; }

    public string EngineVendor { get; set; } = "";

    [CsvHelper.CsvIgnore]
    public string Computed { get; set; } = "";
}

/// <summary>A positional record whose parameter is named with CsvHelper's attribute.</summary>
public sealed record CsvAttributedRecord([CsvHelper.CsvColumn("Shuttle ID")] int ShuttleId, string EngineVendor);

/// <summary>A row of every type the dataset formats itself.</summary>
public sealed record FormatsRow(DateTime At, DateTimeOffset Offset, DateOnly Day, TimeOnly Time, TimeSpan Span, DayOfWeek Weekday,
    decimal Amount, Guid Id, long Big, float Single, int? Nothing, byte[] Bytes)
{
    public bool Equals(FormatsRow? other) => other is not null && (At, At.Kind, Offset, Day, Time, Span, Weekday, Amount, Id, Big, Single, Nothing) ==
        (other.At, other.At.Kind, other.Offset, other.Day, other.Time, other.Span, other.Weekday, other.Amount, other.Id, other.Big, other.Single, other.Nothing)
        && Bytes.AsSpan().SequenceEqual(other.Bytes);

    public override int GetHashCode() => At.GetHashCode();
}

/// <summary>A row whose getter throws on the 1000th row (index 999): a save failing midway.</summary>
public sealed class FragileRow
{
    public int Index { get; init; }
    public string Payload => Index == 999 ? throw new InvalidOperationException($"getter failed at {Index}") : new string('p', 50);
}

/// <summary>A class row filled member by member: an initializer, a validating setter, typed and untyped members mixed.</summary>
public sealed class InspectionRow
{
    private int _score;

    public int Id { get; set; }

    public string? Inspector { get; set; } = "unassigned";

    public long? Hours { get; set; } = 99;

    public bool Passed { get; set; }

    public DateOnly Day { get; set; }

    public int Score
    {
        get => _score;
        set => _score = value is >= 0 and <= 100 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A score is 0 to 100.");
    }
}

public sealed class CsvDatasetTests : IDisposable
{
    private static readonly ShuttleRow[] Shuttles =
    [
        new(1, "Sao Tome, \"Principe\"", null, 1715.5, null, true, 2),
        new(2, "multi\nline", "note; with semicolon", 0.1, 9.25, false, null),
        new(3, "  padded  ", "ünïcode ✓", -1e-5, 100, true, 0),
    ];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, string text)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Round_trips_records_with_nullable_columns_quotes_newlines_doubles_and_bools()
    {
        var dataset = new CsvDataset<ShuttleRow>("shuttles", _dir.File("02_intermediate", "shuttles.csv"));

        dataset.Save(Shuttles);

        Assert.Equal(Shuttles, dataset.Load());
        Assert.Equal(
            "id,shuttle_location,notes,price,review_score,d_check_complete,engines\n" +
            "1,\"Sao Tome, \"\"Principe\"\"\",,1715.5,,True,2\n" +
            "2,\"multi\nline\",note; with semicolon,0.1,9.25,False,\n" +
            "3,\"  padded  \",ünïcode ✓,-1E-05,100,True,0\n",
            File.ReadAllText(dataset.FilePath));
    }

    [Fact]
    public void Numbers_use_the_invariant_culture_whatever_the_thread_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var dataset = new CsvDataset<ShuttleRow>("shuttles", _dir.File("s.csv"));
            dataset.Save(Shuttles);

            Assert.Contains(",1715.5,", File.ReadAllText(dataset.FilePath));
            Assert.Equal(Shuttles, dataset.Load());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Dates_times_enums_and_bytes_are_written_in_round_trippable_forms_in_the_configured_culture()
    {
        FormatsRow[] rows =
        [
            new(new DateTime(2024, 5, 1, 13, 45, 0, DateTimeKind.Utc), new DateTimeOffset(2024, 5, 1, 13, 45, 0, TimeSpan.FromHours(2)),
                new DateOnly(2024, 5, 1), new TimeOnly(13, 45, 1), TimeSpan.FromMinutes(90.5), DayOfWeek.Friday, 12.5m, Guid.Empty, 3L, 1.5f, null, [1, 2, 3]),
        ];
        var invariant = new CsvDataset<FormatsRow>("formats", _dir.File("invariant.csv"));
        var french = new CsvDataset<FormatsRow>("formats", _dir.File("french.csv"), new CsvDatasetOptions { Delimiter = ";", Culture = CultureInfo.GetCultureInfo("fr-FR") });

        invariant.Save(rows);
        french.Save(rows);

        const string Header = "at,offset,day,time,span,weekday,amount,id,big,single,nothing,bytes\n";
        const string Values = "2024-05-01T13:45:00.0000000Z,2024-05-01T13:45:00.0000000+02:00,2024-05-01,13:45:01.0000000,01:30:30,Friday,12.5,00000000-0000-0000-0000-000000000000,3,1.5,,AQID\n";
        Assert.Equal(Header + Values, File.ReadAllText(invariant.FilePath));
        Assert.Equal((Header + Values).Replace(',', ';').Replace("12.5", "12,5").Replace("1.5", "1,5"), File.ReadAllText(french.FilePath));
        Assert.Equal(rows, invariant.Load());
        Assert.Equal(rows, french.Load());
    }

    [Fact]
    public void Malformed_quotes_name_the_row()
    {
        var path = Write("c.csv", "id,company_rating,company_location,total_fleet_count\n1,5,A,1\n2,6,B\"ad,1\n");

        var ex = Assert.Throws<DatasetException>(() => new CsvDataset<CompanyRow>("companies", path).Load());

        Assert.Contains("Dataset 'companies'", ex.Message);
        Assert.Contains(path, ex.Message);
        Assert.Contains("row 3", ex.Message);
        Assert.Contains("quote", ex.Message);
    }

    [Fact]
    public void Snake_case_and_spaced_headers_match_pascal_case_properties()
    {
        var path = Write("companies.csv",
            "ID,Company Rating,company_location,TOTAL_FLEET_COUNT\n" +
            "3888,100,Isle of Man,1.0\n" +
            "46728,90,,\n");

        var rows = new CsvDataset<CompanyRow>("companies", path).Load();

        Assert.Equal(2, rows.Length);
        Assert.Equal((3888, 100, "Isle of Man", (double?)1.0), (rows[0].Id, rows[0].CompanyRating, rows[0].CompanyLocation, rows[0].TotalFleetCount));
        Assert.Equal((46728, 90, "", (double?)null), (rows[1].Id, rows[1].CompanyRating, rows[1].CompanyLocation, rows[1].TotalFleetCount));
    }

    [Fact]
    public void Class_rows_save_with_snake_case_headers_and_load_back()
    {
        var dataset = new CsvDataset<CompanyRow>("companies", _dir.File("c.csv"));
        CompanyRow[] rows = [new() { Id = 1, CompanyRating = 7, CompanyLocation = "Mars", TotalFleetCount = null }];

        dataset.Save(rows);
        var loaded = dataset.Load();

        Assert.Equal("id,company_rating,company_location,total_fleet_count\n1,7,Mars,\n", File.ReadAllText(dataset.FilePath));
        Assert.Equal((1, 7, "Mars", (double?)null), (loaded[0].Id, loaded[0].CompanyRating, loaded[0].CompanyLocation, loaded[0].TotalFleetCount));
    }

    [Fact]
    public void Naming_attributes_on_the_row_type_win_over_snake_case()
    {
        var dataset = new CsvDataset<AttributedRow>("attributed", _dir.File("a.csv"));

        dataset.Save([new() { ShuttleId = 9, EngineVendor = "ThetaBase" }]);
        var row = Assert.Single(dataset.Load());

        Assert.Equal("Shuttle ID,engine_vendor\n9,ThetaBase\n", File.ReadAllText(dataset.FilePath));
        Assert.Equal((9, "ThetaBase"), (row.ShuttleId, row.EngineVendor));
    }

    [Fact]
    public void CsvHelper_column_and_ignore_attributes_are_honoured_on_properties_and_record_parameters()
    {
        var byProperty = new CsvDataset<CsvAttributedRow>("attributed", _dir.File("a.csv"));
        var byParameter = new CsvDataset<CsvAttributedRecord>("record", _dir.File("r.csv"));

        byProperty.Save([new() { ShuttleId = 9, EngineVendor = "ThetaBase", Computed = "not written" }]);
        byParameter.Save([new(7, "Rocketdyne")]);
        var row = Assert.Single(byProperty.Load());

        Assert.Equal("Shuttle ID,engine_vendor\n9,ThetaBase\n", File.ReadAllText(byProperty.FilePath));
        Assert.Equal((9, "ThetaBase", ""), (row.ShuttleId, row.EngineVendor, row.Computed));
        Assert.Equal("Shuttle ID,engine_vendor\n7,Rocketdyne\n", File.ReadAllText(byParameter.FilePath));
        Assert.Equal(new CsvAttributedRecord(7, "Rocketdyne"), Assert.Single(byParameter.Load()));
    }

    /// <summary>
    /// Class rows are created empty and filled member by member (numbers and strings with their static type, other
    /// types through the setter): the result is what the constructor path gives records — an empty or absent
    /// nullable member is null even where the class initializes it, and mixed member types load.
    /// </summary>
    [Fact]
    public void A_class_row_loads_typed_and_untyped_members_and_nulls_over_initializers()
    {
        var path = Write("i.csv", "id,inspector,passed,day,score\n1,,t,2024-03-01,70\n2,Ada,false,2024-03-02,100\n");

        var rows = new CsvDataset<InspectionRow>("inspections", path).Load();

        Assert.Equal(2, rows.Length);
        Assert.Null(rows[0].Inspector);   // empty field of a string?: null, not the initializer's "unassigned"
        Assert.Null(rows[0].Hours);       // absent column of a long?: null, not the initializer's 99
        Assert.True(rows[0].Passed);
        Assert.Equal(new DateOnly(2024, 3, 1), rows[0].Day);
        Assert.Equal(70, rows[0].Score);
        Assert.Equal("Ada", rows[1].Inspector);
        Assert.False(rows[1].Passed);
        Assert.Equal(100, rows[1].Score);
    }

    [Fact]
    public void A_setter_that_rejects_a_value_names_the_row_and_the_reason()
    {
        var path = Write("i.csv", "id,inspector,passed,day,score\n1,Ada,t,2024-03-01,70\n2,Bob,f,2024-03-02,101\n");

        var ex = Assert.Throws<DatasetException>(() => new CsvDataset<InspectionRow>("inspections", path).Load());

        Assert.Contains("Dataset 'inspections'", ex.Message);
        Assert.Contains("row 3", ex.Message);
        Assert.Contains("InspectionRow rejected the row: ArgumentOutOfRangeException", ex.Message);
        Assert.Contains("A score is 0 to 100", ex.Message);
        Assert.IsType<ArgumentOutOfRangeException>(ex.InnerException);
    }

    [Fact]
    public async Task A_class_row_saves_and_loads_back_with_nulls_and_the_culture()
    {
        InspectionRow[] rows =
        [
            new() { Id = 1, Inspector = null, Hours = null, Passed = true, Day = new DateOnly(2024, 3, 1), Score = 70 },
            new() { Id = 2, Inspector = "Ada, \"the\" first", Hours = 12, Passed = false, Day = new DateOnly(2024, 3, 2), Score = 100 },
        ];
        var dataset = new CsvDataset<InspectionRow>("inspections", _dir.File("i.csv"));

        await dataset.SaveAsync(rows);
        var loaded = await dataset.LoadAsync();

        Assert.Equal("id,inspector,hours,passed,day,score\n1,,,True,2024-03-01,70\n2,\"Ada, \"\"the\"\" first\",12,False,2024-03-02,100\n", File.ReadAllText(dataset.FilePath));
        Assert.Equal(rows.Select(r => (r.Id, r.Inspector, r.Hours, r.Passed, r.Day, r.Score)), loaded.Select(r => (r.Id, r.Inspector, r.Hours, r.Passed, r.Day, r.Score)));
    }

    [Fact]
    public void A_missing_column_of_a_nullable_member_loads_as_null()
    {
        var path = Write("c.csv", "id,company_rating,company_location\n1,5,Paris\n");

        var row = Assert.Single(new CsvDataset<CompanyRow>("companies", path).Load());

        Assert.Null(row.TotalFleetCount);
        Assert.Equal("Paris", row.CompanyLocation);
    }

    [Fact]
    public void A_missing_column_of_a_non_nullable_member_fails_naming_it()
    {
        var path = Write("c.csv", "id,company_location,total_fleet_count\n1,Paris,2\n");

        var ex = Assert.Throws<DatasetException>(() => new CsvDataset<CompanyRow>("companies", path).Load());

        Assert.Equal("companies", ex.DatasetName);
        Assert.Contains("Dataset 'companies'", ex.Message);
        Assert.Contains(path, ex.Message);
        Assert.Contains("'company_rating'", ex.Message);
        Assert.Contains("CompanyRating", ex.Message);
        Assert.Contains("id, company_location, total_fleet_count", ex.Message);
    }

    [Fact]
    public async Task A_bad_value_names_the_dataset_file_row_and_column()
    {
        var path = Write("companies.csv",
            "id,company_rating,company_location,total_fleet_count\n" +
            "1,5,Isle of Man,1.0\n" +
            "2,abc,Nowhere,2.0\n");
        var dataset = new CsvDataset<CompanyRow>("companies", path);

        var ex = Assert.Throws<DatasetException>(() => dataset.Load());
        var asyncEx = await Assert.ThrowsAsync<DatasetException>(async () => await dataset.LoadAsync());

        foreach (var e in new[] { ex, asyncEx })
        {
            Assert.Equal("companies", e.DatasetName);
            Assert.Contains("Dataset 'companies'", e.Message);
            Assert.Contains(path, e.Message);
            Assert.Contains("row 3", e.Message);
            Assert.Contains("column 'company_rating' (index 1)", e.Message);
            Assert.Contains("'abc'", e.Message);
            Assert.Contains("Int32", e.Message);
        }
    }

    [Fact]
    public void A_bad_value_in_a_positional_record_names_the_row_and_column()
    {
        var path = Write("s.csv",
            "id,shuttle_location,notes,price,review_score,d_check_complete,engines\n" +
            "1,Mars,,1.5,,True,2\n" +
            "2,Moon,,cheap,,True,2\n");

        var ex = Assert.Throws<DatasetException>(() => new CsvDataset<ShuttleRow>("shuttles", path).Load());

        Assert.Contains("row 3", ex.Message);
        Assert.Contains("column 'price' (index 3)", ex.Message);
        Assert.Contains("'cheap'", ex.Message);
        Assert.Contains("Double", ex.Message);
    }

    [Theory]
    [InlineData("1,5,A,1\n2,6\n", "row 3 has 2 field(s) but the header has 4", "2,6")]
    [InlineData("1,5,A,1\n1,5,north,12,50,2\n", "row 3 has 6 field(s) but the header has 4", "1,5,north,12,50,2")]
    public void A_row_with_the_wrong_number_of_fields_names_the_file_row_and_counts(string rows, string problem, string record)
    {
        var path = Write("c.csv", "id,company_rating,company_location,total_fleet_count\n" + rows);

        var ex = Assert.Throws<DatasetException>(() => new CsvDataset<CompanyRow>("companies", path).Load());

        Assert.StartsWith($"Dataset 'companies' ({path}): {problem}. ", ex.Message);
        Assert.Contains("set load_args.on_bad_lines to skip (leave such rows out) or allow (read them as they are)", ex.Message);
        Assert.EndsWith($"The record: '{record}'", ex.Message);
    }

    [Fact]
    public async Task On_bad_lines_skip_leaves_such_rows_out_and_allow_reads_them_as_they_are()
    {
        Write("c.csv", "id,company_rating,company_location,total_fleet_count\n1,5,A,1\n2,6,B,2,99\n3,7,C\n");
        CsvDataset<CompanyRow> Dataset(string badLines) => CsvDataset<CompanyRow>.FromConfig(Yaml.Dataset("companies", _dir.Path,
            ("type", "csv"), ("filepath", "c.csv"), ("load_args", Yaml.Map(("on_bad_lines", badLines)))));

        var skipped = await Dataset("skip").LoadAsync();
        var allowed = Dataset("allow").Load();
        var misspelt = Assert.Throws<DatasetException>(() => Dataset("warn"));

        Assert.Equal([1], skipped.Select(r => r.Id));
        Assert.Equal([(1, 1.0), (2, 2.0), (3, null)], allowed.Select(r => (r.Id, r.TotalFleetCount)));
        Assert.Contains("key 'load_args.on_bad_lines' must be error, skip or allow, not 'warn'", misspelt.Message);
    }

    [Fact]
    public void A_missing_file_says_what_to_do()
    {
        var dataset = new CsvDataset<CompanyRow>("companies", _dir.File("01_raw", "companies.csv"));

        Assert.False(dataset.Exists());
        var ex = Assert.Throws<DatasetException>(() => dataset.Load());

        Assert.StartsWith($"Dataset 'companies' ({_dir.File("01_raw", "companies.csv")}): file not found.", ex.Message);
        Assert.Contains("Run the node that produces 'companies'", ex.Message);
        Assert.Contains("'filepath'", ex.Message);
    }

    [Fact]
    public void Delimiter_and_culture_come_from_load_args_and_save_args()
    {
        var path = Write("c.csv", "id;company_rating;company_location;total_fleet_count\n7;3;Paris, France;1,5\n");
        var config = Yaml.Dataset("companies", _dir.Path,
            ("type", "csv"),
            ("filepath", "c.csv"),
            ("load_args", Yaml.Map(("sep", ";"), ("culture", "fr-FR"))),
            ("save_args", Yaml.Map(("delimiter", ";"), ("culture", "fr-FR"), ("index", false), ("header", true))));

        var dataset = CsvDataset<CompanyRow>.FromConfig(config);
        var row = Assert.Single(dataset.Load());
        row.TotalFleetCount = 2.25;
        dataset.Save([row]);

        Assert.Equal(path, dataset.FilePath);
        Assert.Equal(";", dataset.LoadOptions.Delimiter);
        Assert.Equal("fr-FR", dataset.SaveOptions.Culture.Name);
        Assert.Equal((7, 3, "Paris, France"), (row.Id, row.CompanyRating, row.CompanyLocation));
        Assert.Equal("id;company_rating;company_location;total_fleet_count\n7;3;Paris, France;2,25\n", File.ReadAllText(path));
    }

    [Fact]
    public void Without_a_header_columns_bind_by_position()
    {
        var config = Yaml.Dataset("companies", _dir.Path,
            ("filepath", "c.csv"),
            ("load_args", Yaml.Map(("header", false))),
            ("save_args", Yaml.Map(("header", false))));
        var dataset = CsvDataset<CompanyRow>.FromConfig(config);
        Write("c.csv", "1,5,Oslo,2.5\n");

        var row = Assert.Single(dataset.Load());
        dataset.Save([row]);

        Assert.Equal((1, 5, "Oslo", (double?)2.5), (row.Id, row.CompanyRating, row.CompanyLocation, row.TotalFleetCount));
        Assert.Equal("1,5,Oslo,2.5\n", File.ReadAllText(dataset.FilePath));
    }

    [Fact]
    public void A_culture_in_a_program_without_culture_data_is_an_error_saying_why_and_what_to_do()
    {
        // This test process has culture data (ICU), so an unknown culture is just unknown ...
        var culture = Yaml.Dataset("companies", _dir.Path, ("filepath", "c.csv"), ("load_args", Yaml.MapAt(20, ("culture", "xx-NOPE-123"))));
        Assert.Contains("unknown culture 'xx-NOPE-123'", Assert.Throws<DatasetException>(() => CsvDataset<CompanyRow>.FromConfig(culture)).Message);

        // ... while a program built with InvariantGlobalization (the Spaceflights sample) can create no culture but the
        // invariant one: the error says so rather than calling fr-FR unknown.
        var message = CsvDatasetOptions.UnknownCulture("load_args", "fr-FR", hasCultureData: false);
        Assert.Contains("'load_args.culture'", message);
        Assert.Contains("'fr-FR'", message);
        Assert.Contains("without culture data", message);
        Assert.Contains("InvariantGlobalization", message);
        Assert.Contains("culture: invariant", message);
        Assert.DoesNotContain("unknown", message);
    }

    [Fact]
    public void Config_errors_name_the_key_and_yaml_line()
    {
        var unknown = Yaml.Dataset("companies", _dir.Path, ("filepath", "c.csv"), ("load_args", Yaml.MapAt(50, ("delimeter", ";"))));
        var both = Yaml.Dataset("companies", _dir.Path, ("filepath", "c.csv"), ("load_args", Yaml.MapAt(60, ("sep", ";"), ("delimiter", ","))));
        var culture = Yaml.Dataset("companies", _dir.Path, ("filepath", "c.csv"), ("save_args", Yaml.MapAt(70, ("culture", "xx-NOPE-123"))));
        var index = Yaml.Dataset("companies", _dir.Path, ("filepath", "c.csv"), ("save_args", Yaml.MapAt(80, ("index", true))));

        var e1 = Assert.Throws<DatasetException>(() => CsvDataset<CompanyRow>.FromConfig(unknown));
        var e2 = Assert.Throws<DatasetException>(() => CsvDataset<CompanyRow>.FromConfig(both));
        var e3 = Assert.Throws<DatasetException>(() => CsvDataset<CompanyRow>.FromConfig(culture));
        var e4 = Assert.Throws<DatasetException>(() => CsvDataset<CompanyRow>.FromConfig(index));

        Assert.Contains("'load_args.delimeter'", e1.Message);
        Assert.Contains($"{Yaml.File}:51:", e1.Message);
        Assert.Contains("both", e2.Message);
        Assert.Contains("xx-NOPE-123", e3.Message);
        Assert.Contains($"{Yaml.File}:71:", e3.Message);
        Assert.Contains("'save_args.index'", e4.Message);
        Assert.All([e1, e2, e3, e4], e => Assert.Equal("companies", e.DatasetName));
    }

    [Fact]
    public async Task A_getter_failing_on_the_1000th_row_leaves_the_previous_file_byte_identical()
    {
        var path = _dir.File("fragile.csv");
        var dataset = new CsvDataset<FragileRow>("fragile", path);
        var original = "index,payload\n0,old\n"u8.ToArray();
        File.WriteAllBytes(path, original);
        var rows = Enumerable.Range(0, 2000).Select(i => new FragileRow { Index = i }).ToArray();

        var ex = Assert.Throws<DatasetException>(() => dataset.Save(rows));
        var asyncEx = await Assert.ThrowsAsync<DatasetException>(async () => await dataset.SaveAsync(rows));

        foreach (var e in new[] { ex, asyncEx })
        {
            var inner = Assert.IsType<InvalidOperationException>(e.InnerException);
            Assert.Equal("getter failed at 999", inner.Message);
            Assert.Contains("Dataset 'fragile'", e.Message);
            Assert.Contains(path, e.Message);
            Assert.Contains("row 1001", e.Message);
        }
        Assert.Equal(original, File.ReadAllBytes(path));
        Assert.Equal(["fragile.csv"], _dir.AllFiles());
    }

    [Fact]
    public async Task Async_and_sync_are_equivalent()
    {
        var sync = new CsvDataset<ShuttleRow>("a", _dir.File("a.csv"));
        var async = new CsvDataset<ShuttleRow>("b", _dir.File("b.csv"));

        sync.Save(Shuttles);
        await async.SaveAsync(Shuttles);

        Assert.Equal(File.ReadAllBytes(sync.FilePath), File.ReadAllBytes(async.FilePath));
        Assert.Equal(Shuttles, await sync.LoadAsync());
        Assert.Equal(Shuttles, async.Load());
    }

    [Fact]
    public void An_empty_array_round_trips_as_a_header_only_file()
    {
        var dataset = new CsvDataset<ShuttleRow>("empty", _dir.File("e.csv"));

        dataset.Save([]);

        Assert.Equal("id,shuttle_location,notes,price,review_score,d_check_complete,engines\n", File.ReadAllText(dataset.FilePath));
        Assert.Empty(dataset.Load());
    }

    [Fact]
    public void A_utf8_bom_in_the_file_does_not_break_the_first_header()
    {
        var path = _dir.File("bom.csv");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "id,company_rating,company_location\n1,2,X\n"u8]);

        var row = Assert.Single(new CsvDataset<CompanyRow>("bom", path).Load());

        Assert.Equal(1, row.Id);
    }
}
