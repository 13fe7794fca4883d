using System.Text.Json.Serialization;
using Compiled.Datasets;
using Xunit;

namespace Compiled.Tests.Datasets;

public sealed record ExcelShuttle(int Id, string ShuttleLocation, string? Notes, double Price, double? ReviewScore, bool DCheckComplete, int? Engines);

public sealed class DatedRow
{
    public int Id { get; set; }
    public DateTime When { get; set; }
    public DateOnly Day { get; set; }
    public decimal Amount { get; set; }
    public long Big { get; set; }
    public Guid Key { get; set; }
    public DayOfWeek Weekday { get; set; }

    [JsonPropertyName("Label Text")]
    public string Label { get; set; } = "";
}

/// <summary>The columns of Kedro's spaceflights shuttles.xlsx, as Kedro reads them (strings where pandas sees text).</summary>
public sealed class KedroShuttleRow
{
    public int Id { get; set; }
    public string? ShuttleLocation { get; set; }
    public string? ShuttleType { get; set; }
    public string? EngineType { get; set; }
    public string? EngineVendor { get; set; }
    public double? Engines { get; set; }
    public int? PassengerCapacity { get; set; }
    public string? CancellationPolicy { get; set; }
    public double? Crew { get; set; }
    public string? DCheckComplete { get; set; }
    public string? MoonClearanceComplete { get; set; }
    public string? Price { get; set; }
    public int CompanyId { get; set; }
}

public sealed class FragileExcelRow
{
    public int Index { get; set; }
    public string Payload
    {
        get => Index == 999 ? throw new InvalidOperationException($"getter failed at {Index}") : "p";
        set { }
    }
}

public sealed class ExcelDatasetTests : IDisposable
{
    private static readonly ExcelShuttle[] Shuttles =
    [
        new(1, "Sao Tome, \"Principe\"", null, 1715.5, null, true, 2),
        new(2, "multi\nline", "note; with semicolon", 0.1, 9.25, false, null),
        new(3, "  padded  ", "ünïcode ✓", -1e-5, 100, true, 0),
    ];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Records_round_trip_with_nulls_text_numbers_and_booleans()
    {
        var dataset = new ExcelDataset<ExcelShuttle>("shuttles", _dir.File("01_raw", "shuttles.xlsx"));

        dataset.Save(Shuttles);

        Assert.Equal(Shuttles, dataset.Load());
    }

    [Fact]
    public async Task Random_tables_round_trip()
    {
        var random = new Random(42);
        for (var run = 0; run < 20; run++)
        {
            var rows = Enumerable.Range(0, random.Next(0, 200)).Select(i => new ExcelShuttle(
                random.Next(), Text(random), random.Next(3) == 0 ? null : Text(random), Math.Round(random.NextDouble() * 1e6, random.Next(0, 8)),
                random.Next(2) == 0 ? null : random.NextDouble(), random.Next(2) == 0, random.Next(3) == 0 ? null : random.Next(-5, 50))).ToArray();
            var dataset = new ExcelDataset<ExcelShuttle>("shuttles", _dir.File($"s{run}.xlsx"));

            await dataset.SaveAsync(rows);

            Assert.Equal(rows, await dataset.LoadAsync());
        }
    }

    [Fact]
    public void Dates_decimals_guids_enums_and_named_columns_round_trip()
    {
        DatedRow[] rows =
        [
            new() { Id = 1, When = new DateTime(2026, 11, 25, 16, 30, 15), Day = new DateOnly(1999, 12, 31), Amount = 12.34m, Big = 1L << 40, Key = Guid.NewGuid(), Weekday = DayOfWeek.Friday, Label = "a" },
            new() { Id = 2, When = new DateTime(2026, 1, 1), Day = new DateOnly(2000, 2, 29), Amount = -0.5m, Big = -7, Key = Guid.Empty, Weekday = DayOfWeek.Monday, Label = "" },
        ];
        var dataset = new ExcelDataset<DatedRow>("dates", _dir.File("d.xlsx"));

        dataset.Save(rows);
        var loaded = dataset.Load();

        Assert.Equal(rows.Select(r => (r.Id, r.When, r.Day, r.Amount, r.Big, r.Key, r.Weekday, r.Label)),
            loaded.Select(r => (r.Id, r.When, r.Day, r.Amount, r.Big, r.Key, r.Weekday, r.Label)));
    }

    [Fact]
    public void A_saved_workbook_is_a_package_the_open_packaging_reader_opens_with_the_spreadsheet_parts()
    {
        var path = _dir.File("fleet.xlsx");
        var dataset = new ExcelDataset<DatedRow>("dates", path, saveOptions: new ExcelDatasetOptions { SheetName = "Fleet & <Co>" });
        dataset.Save([new() { Id = 1, When = new DateTime(2026, 11, 25, 16, 30, 15), Day = new DateOnly(1999, 12, 31), Label = "a" }]);

        // System.IO.Packaging, the reader the Open XML SDK is built on, validates the content types and relationships.
        using var package = System.IO.Packaging.Package.Open(path, FileMode.Open, FileAccess.Read);
        const string officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        const string spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        var workbookRelationship = Assert.Single(package.GetRelationshipsByType(officeRelationships + "/officeDocument"));
        var workbook = package.GetPart(System.IO.Packaging.PackUriHelper.ResolvePartUri(new Uri("/", UriKind.Relative), workbookRelationship.TargetUri));
        Assert.Equal(spreadsheet + "sheet.main+xml", workbook.ContentType);
        var sheetRelationship = Assert.Single(workbook.GetRelationshipsByType(officeRelationships + "/worksheet"));
        var sheet = package.GetPart(System.IO.Packaging.PackUriHelper.ResolvePartUri(workbook.Uri, sheetRelationship.TargetUri));
        Assert.Equal(spreadsheet + "worksheet+xml", sheet.ContentType);
        var stylesRelationship = Assert.Single(workbook.GetRelationshipsByType(officeRelationships + "/styles"));
        var styles = package.GetPart(System.IO.Packaging.PackUriHelper.ResolvePartUri(workbook.Uri, stylesRelationship.TargetUri));
        Assert.Equal(spreadsheet + "styles+xml", styles.ContentType);

        System.Xml.Linq.XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sheetEntry = Assert.Single(Xml(workbook).Descendants(main + "sheet"));
        Assert.Equal("Fleet & <Co>", (string?)sheetEntry.Attribute("name"));
        Assert.Equal(sheetRelationship.Id, (string?)sheetEntry.Attribute(System.Xml.Linq.XNamespace.Get(officeRelationships) + "id"));
        var formats = Xml(styles).Descendants(main + "cellXfs").Single().Elements(main + "xf").Select(x => (string?)x.Attribute("numFmtId") ?? "none").ToArray();
        Assert.Equal(["none", "14", "22"], formats);
        // Row 2: the date and time (B2) in the date-and-time format, the date (C2) in the date format.
        var cells = Xml(sheet).Descendants(main + "c").ToDictionary(c => (string)c.Attribute("r")!, c => (string?)c.Attribute("s"));
        Assert.Equal(("2", "1"), (cells["B2"], cells["C2"]));

        static System.Xml.Linq.XDocument Xml(System.IO.Packaging.PackagePart part)
        {
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            return System.Xml.Linq.XDocument.Load(stream);
        }
    }

    [Fact]
    public void Reads_kedros_spaceflights_shuttles_xlsx()
    {
        var path = FindSharedFile("data", "spaceflights", "shuttles.xlsx");
        Assert.True(path is not null, "samples/Spaceflights/data/01_raw/shuttles.xlsx (or shared/data/spaceflights/shuttles.xlsx) was not found");

        var shuttles = new ExcelDataset<KedroShuttleRow>("shuttles", path!).Load();
        var csv = new CsvDataset<KedroShuttleRow>("shuttles", Path.Combine(Path.GetDirectoryName(path)!, "shuttles.csv")).Load();

        Assert.True(shuttles.Length > 15_000);
        Assert.Equal(csv.Length, shuttles.Length);
        Assert.Equal(csv.Select(r => (r.Id, r.ShuttleLocation, r.ShuttleType, r.Engines, r.PassengerCapacity, r.DCheckComplete, r.Price, r.CompanyId)), shuttles.Select(r => (r.Id, r.ShuttleLocation, r.ShuttleType, r.Engines, r.PassengerCapacity, r.DCheckComplete, r.Price, r.CompanyId)));
        Assert.Equal(csv[0].Price, shuttles[0].Price);
    }

    [Fact]
    public void A_save_failing_midway_leaves_the_previous_file_byte_identical()
    {
        var path = _dir.File("fragile.xlsx");
        var dataset = new ExcelDataset<FragileExcelRow>("fragile", path);
        dataset.Save(Enumerable.Range(0, 10).Select(i => new FragileExcelRow { Index = i }).ToArray());
        var before = File.ReadAllBytes(path);

        var ex = Assert.Throws<DatasetException>(() => dataset.Save(Enumerable.Range(0, 2000).Select(i => new FragileExcelRow { Index = i }).ToArray()));

        Assert.Contains("Dataset 'fragile'", ex.Message);
        Assert.Contains(path, ex.Message);
        Assert.Contains("row 1001 (item [999] of the array)", ex.Message);
        Assert.Contains("column 'payload' (cell B1001", ex.Message);
        Assert.Contains("getter failed at 999", ex.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["fragile.xlsx"], _dir.AllFiles());
    }

    [Fact]
    public void A_missing_column_names_the_dataset_file_sheet_and_column()
    {
        var path = _dir.File("s.xlsx");
        new ExcelDataset<ParquetRow>("rows", path).Save([new ParquetRow { Id = 1, Name = "x" }]);

        var ex = Assert.Throws<DatasetException>(() => new ExcelDataset<NeedsRatingRow>("ratings", path).Load());

        Assert.Contains("Dataset 'ratings'", ex.Message);
        Assert.Contains(path, ex.Message);
        Assert.Contains("sheet 'Sheet1'", ex.Message);
        Assert.Contains("no column 'rating' (for NeedsRatingRow.Rating)", ex.Message);
        Assert.Contains("id, name, score", ex.Message);
    }

    [Fact]
    public void A_bad_cell_names_the_row_the_column_and_the_cell()
    {
        var path = _dir.File("s.xlsx");
        new ExcelDataset<KedroShuttleRow>("raw", path).Save(
        [
            new KedroShuttleRow { Id = 1, ShuttleLocation = "ok", Price = "1" },
            new KedroShuttleRow { Id = 2, ShuttleLocation = "bad", Price = "$1,715.0" },
        ]);

        var ex = Assert.Throws<DatasetException>(() => new ExcelDataset<WideParquetRow>("shuttles", path).Load());
        Assert.Contains("Dataset 'shuttles'", ex.Message);
        Assert.Contains(path, ex.Message);

        var priced = Assert.Throws<DatasetException>(() => new ExcelDataset<PricedRow>("shuttles", path).Load());
        Assert.Contains("sheet 'Sheet1', row 3, column 'price' (cell L3)", priced.Message);
        Assert.Contains("'$1,715.0'", priced.Message);
        Assert.Contains("Double (PricedRow.Price)", priced.Message);
    }

    [Fact]
    public void An_empty_cell_for_a_non_nullable_member_is_an_error_naming_the_cell()
    {
        var path = _dir.File("s.xlsx");
        new ExcelDataset<ParquetRow>("rows", path).Save([new ParquetRow { Id = 1, Name = "x", Score = null }]);

        var ex = Assert.Throws<DatasetException>(() => new ExcelDataset<ScoredRow>("scores", path).Load());

        Assert.Contains("row 2, column 'score' (cell C2) is empty", ex.Message);
        Assert.Contains("ScoredRow.Score", ex.Message);
    }

    [Fact]
    public void Sheet_name_and_header_come_from_load_args_and_save_args()
    {
        var config = Yaml.Dataset("rows", _dir.Path, ("type", "excel"), ("filepath", "data/rows.xlsx"),
            ("load_args", Yaml.MapAt(20, ("sheet_name", "Fleet"), ("header", "None"), ("engine", "openpyxl"))),
            ("save_args", Yaml.MapAt(30, ("sheet_name", "Fleet"), ("header", "false"), ("index", "false"))));
        var dataset = ExcelDataset<ParquetRow>.FromConfig(config);

        dataset.Save([new ParquetRow { Id = 7, Name = "seven", Score = 1.5 }]);
        var loaded = dataset.Load().Single();

        Assert.Equal((7, "seven", (double?)1.5), (loaded.Id, loaded.Name, loaded.Score));
        var bySheetIndex = new ExcelDataset<ParquetRow>("rows", dataset.FilePath, new ExcelDatasetOptions { SheetName = "0", HeaderRow = null });
        Assert.Equal(7, bySheetIndex.Load().Single().Id);
        var wrongSheet = Assert.Throws<DatasetException>(() => new ExcelDataset<ParquetRow>("rows", dataset.FilePath, new ExcelDatasetOptions { SheetName = "Nope" }).Load());
        Assert.Contains("no sheet 'Nope'", wrongSheet.Message);
        Assert.Contains("'Fleet'", wrongSheet.Message);

        var unknown = Assert.Throws<DatasetException>(() => ExcelDataset<ParquetRow>.FromConfig(Yaml.Dataset("rows", _dir.Path,
            ("type", "excel"), ("filepath", "r.xlsx"), ("load_args", Yaml.MapAt(40, ("sheet", "x"))))));
        Assert.Contains("'load_args.sheet'", unknown.Message);
        Assert.Contains($"{Yaml.File}:41:", unknown.Message);
    }

    [Fact]
    public void A_missing_file_and_a_file_that_is_not_a_workbook_name_the_dataset_and_file()
    {
        var path = _dir.File("bad.xlsx");
        File.WriteAllText(path, "not a zip");

        var bad = Assert.Throws<DatasetException>(() => new ExcelDataset<ParquetRow>("bad", path).Load());
        var none = Assert.Throws<DatasetException>(() => new ExcelDataset<ParquetRow>("none", _dir.File("none.xlsx")).Load());

        Assert.Contains("Dataset 'bad'", bad.Message);
        Assert.Contains(path, bad.Message);
        Assert.Contains("file not found", none.Message);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Column_letters_round_trip(int index, string letters)
    {
        Assert.Equal(letters, ExcelCells.ColumnLetters(index));
        Assert.Equal(index, ExcelCells.ColumnIndex(letters + "12"));
    }

    internal static string? FindSharedFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            // The repository ships Kedro's spaceflights data with its sample; a clean clone has it.
            var sample = Path.Combine(dir.FullName, "samples", "Spaceflights", "data", "01_raw", parts[^1]);
            if (parts.Length > 1 && parts[^2] == "spaceflights" && File.Exists(sample)) return sample;
            var candidate = Path.Combine([dir.FullName, "shared", .. parts]);
            if (File.Exists(candidate)) return candidate;
            if (File.Exists(Path.Combine(dir.FullName, "Compiled.sln")) && dir.Parent is { } parent)
            {
                candidate = Path.Combine([parent.FullName, "shared", .. parts]);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    private static string Text(Random random)
    {
        const string alphabet = "abcXYZ 019,;\"'\n\tüñ✓<&>";
        return new string(Enumerable.Range(0, random.Next(0, 20)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }
}

public sealed class PricedRow
{
    public int Id { get; set; }
    public double Price { get; set; }
}

public sealed class ScoredRow
{
    public int Id { get; set; }
    public double Score { get; set; }
}
