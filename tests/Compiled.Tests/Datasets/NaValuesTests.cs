using Compiled.Config;
using Compiled.Datasets;
using Xunit;

namespace Compiled.Tests.Datasets;

/// <summary>A measurement, filled through setters: a non-nullable double, a nullable double, nullable and non-nullable text.</summary>
public sealed class MeasuredRow
{
    public int Id { get; set; }
    public double Reading { get; set; }
    public double? Backup { get; set; }
    public string? Site { get; set; }
    public string Label { get; set; } = "";
}

/// <summary>The same measurement as a positional record: bound through its constructor.</summary>
public sealed record MeasuredRecord(int Id, double Reading, double? Backup, string? Site, string Label);

/// <summary>A measurement as a spreadsheet holds it when markers stand in for numbers: every value as text.</summary>
public sealed record MeasuredText(int Id, string Reading, string Backup, string Site, string Label);

/// <summary>A measurement whose missing values are a sentinel number (<c>-999</c>), as instruments write them.</summary>
public sealed record MeasuredNumber(int Id, double Reading, double? Backup);

/// <summary>
/// pandas' <c>load_args.na_values</c> on csv and excel entries: the listed texts load as missing values — null into a
/// nullable member, NaN into a double, "" into a string — and nowhere else; a marker where no missing value exists is an
/// error naming the column.
/// </summary>
public sealed class NaValuesTests : IDisposable
{
    private const string Csv = "id,reading,backup,site,label\n1,-,n/a,-,n/a\n2,1.5,2.5,Paris,x\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private DatasetConfig Entry(string type, string file, object? naValues) =>
        Yaml.Dataset("measurements", _dir.Path, ("type", type), ("filepath", file), ("load_args", Yaml.Map(("na_values", naValues))));

    private static ConfigSequence List(params string[] items) =>
        new([.. items.Select((item, i) => (ConfigNode)Yaml.Scalar(item, 12 + i))], new ConfigLocation(Yaml.File, 12, 5));

    private string WriteCsv()
    {
        var path = _dir.File("m.csv");
        File.WriteAllText(path, Csv);
        return path;
    }

    [Fact]
    public void Csv_markers_load_as_missing_values_into_setters_and_constructors()
    {
        WriteCsv();

        var rows = CsvDataset<MeasuredRow>.FromConfig(Entry("csv", "m.csv", List("-", "n/a"))).Load();
        var records = CsvDataset<MeasuredRecord>.FromConfig(Entry("pandas.CSVDataset", "m.csv", List("-", "n/a"))).Load();

        Assert.Equal(
            [(1, double.NaN, null, null, ""), (2, 1.5, 2.5, "Paris", "x")],
            rows.Select(r => (r.Id, r.Reading, r.Backup, r.Site, r.Label)));
        Assert.Equal([new MeasuredRecord(1, double.NaN, null, null, ""), new MeasuredRecord(2, 1.5, 2.5, "Paris", "x")], records);
    }

    [Fact]
    public void Csv_without_na_values_reads_a_marker_as_text_and_fails_on_it_in_a_number_column()
    {
        var path = WriteCsv();

        var error = Assert.Throws<DatasetException>(() => new CsvDataset<MeasuredRow>("measurements", path).Load());
        var one = CsvDataset<MeasuredRow>.FromConfig(Entry("csv", "m.csv", "-"));

        Assert.Contains("column 'reading'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'-'", error.Message, StringComparison.Ordinal);
        Assert.Equal("-", Assert.Single(one.LoadOptions.NaValues)); // a single marker may be written as a scalar
        var backup = Assert.Throws<DatasetException>(() => one.Load()); // 'n/a' is not listed: backup cannot read it
        Assert.Contains("column 'backup'", backup.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_marker_in_an_int_column_is_an_error_naming_the_column()
    {
        File.WriteAllText(_dir.File("m.csv"), "id,reading,backup,site,label\n-,1,2,a,b\n");

        var error = Assert.Throws<DatasetException>(() => CsvDataset<MeasuredRecord>.FromConfig(Entry("csv", "m.csv", List("-"))).Load());

        Assert.Contains("column 'id'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Markers_per_column_are_refused_naming_the_key_and_its_line()
    {
        var perColumn = Yaml.MapAt(12, ("reading", "-"));

        var csv = Assert.Throws<DatasetException>(() => CsvDataset<MeasuredRow>.FromConfig(Entry("csv", "m.csv", perColumn)));
        var excel = Assert.Throws<DatasetException>(() => ExcelDataset<MeasuredRow>.FromConfig(Entry("excel", "m.xlsx", perColumn)));

        foreach (var error in new[] { csv, excel })
        {
            Assert.Contains("key 'load_args.na_values' must be a text or a list of texts", error.Message, StringComparison.Ordinal);
            Assert.Contains("markers per column are not supported", error.Message, StringComparison.Ordinal);
            Assert.Contains($"{Yaml.File}:12", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Excel_text_and_number_markers_load_as_missing_values()
    {
        new ExcelDataset<MeasuredText>("text", _dir.File("t.xlsx")).Save([new(1, "-", "n/a", "-", "n/a"), new(2, "1.5", "2.5", "Paris", "x")]);
        new ExcelDataset<MeasuredNumber>("numbers", _dir.File("n.xlsx")).Save([new(1, -999, -999), new(2, 1.5, 2.5)]);

        var text = ExcelDataset<MeasuredRecord>.FromConfig(Entry("pandas.ExcelDataset", "t.xlsx", List("-", "n/a"))).Load();
        var numbers = ExcelDataset<MeasuredNumber>.FromConfig(Entry("excel", "n.xlsx", List("-999"))).Load();
        var unlisted = Assert.Throws<DatasetException>(() => ExcelDataset<MeasuredRecord>.FromConfig(Entry("excel", "t.xlsx", List("n/a"))).Load());

        Assert.Equal([new MeasuredRecord(1, double.NaN, null, null, ""), new MeasuredRecord(2, 1.5, 2.5, "Paris", "x")], text);
        Assert.Equal([new MeasuredNumber(1, double.NaN, null), new MeasuredNumber(2, 1.5, 2.5)], numbers);
        Assert.Contains("cannot convert '-'", unlisted.Message, StringComparison.Ordinal);
    }
}
