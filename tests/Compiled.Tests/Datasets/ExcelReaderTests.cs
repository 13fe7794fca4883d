using System.IO.Compression;
using System.Text;
using Compiled.Datasets;
using Xunit;

namespace Compiled.Tests.Datasets;

public sealed class CellKindsRow
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public double? Score { get; set; }
    public bool Flag { get; set; }
    public DateTime When { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// The xlsx reader of <see cref="ExcelDataset{TRow}"/> on workbooks written part by part here, as other producers than
/// the dataset write them: shared and inline strings, rich text, empty and missing cells, booleans, date serials and ISO
/// dates, several sheets (one a chart sheet), relationship targets relative and absolute.
/// </summary>
public sealed class ExcelReaderTests : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Header =
        """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>score</t></is></c><c r="D1" t="inlineStr"><is><t>flag</t></is></c><c r="E1" t="str"><v>when</v></c><c r="F1" t="inlineStr"><is><t>note</t></is></c></row>""";

    private const string SharedStrings =
        $"""<sst xmlns="{Main}" count="4" uniqueCount="4"><si><t>id</t></si><si><t>name</t></si><si><r><t>Rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh><t>ignored</t></rPh></si><si><t xml:space="preserve">  spaced  </t></si></sst>""";

    [Fact]
    public void Shared_inline_and_rich_strings_numbers_booleans_dates_and_empty_cells_load()
    {
        var rows =
            """
            <row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2"><v>9.5</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" s="1"><v>46351.5</v></c><c r="F2" t="s"><v>3</v></c></row>
            <row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c><c r="C3"/><c r="D3" t="b"><v>0</v></c><c r="E3" t="d"><v>2026-12-06T21:30:00</v></c></row>
            <row r="5"><c r="A5"><v>3</v></c><c r="B5" t="str"><v>formula text</v></c><c r="D5" t="b"><v>1</v></c><c r="E5" t="inlineStr"><is><t>2026-01-31</t></is></c><c r="F5" t="inlineStr"><is/></c></row>
            """;
        var path = Workbook("kinds.xlsx", sharedStrings: SharedStrings, sheets: [("Data", Sheet(Header + rows))]);

        var loaded = new ExcelDataset<CellKindsRow>("kinds", path).Load();

        Assert.Equal(3, loaded.Length);
        Assert.Equal((1, "Rich text", (double?)9.5, true, DateTime.FromOADate(46351.5), "  spaced  "),
            (loaded[0].Id, loaded[0].Name, loaded[0].Score, loaded[0].Flag, loaded[0].When, loaded[0].Note));
        Assert.Equal((2, "inline", (double?)null, false, new DateTime(2026, 12, 6, 21, 30, 0), (string?)null),
            (loaded[1].Id, loaded[1].Name, loaded[1].Score, loaded[1].Flag, loaded[1].When, loaded[1].Note));
        Assert.Equal((3, "formula text", (double?)null, true, new DateTime(2026, 1, 31), (string?)""),
            (loaded[2].Id, loaded[2].Name, loaded[2].Score, loaded[2].Flag, loaded[2].When, loaded[2].Note));
    }

    [Fact]
    public void Cells_without_references_follow_each_other_and_na_values_apply()
    {
        var rows =
            """
            <row><c t="inlineStr"><is><t>id</t></is></c><c t="inlineStr"><is><t>name</t></is></c><c t="inlineStr"><is><t>score</t></is></c><c t="inlineStr"><is><t>flag</t></is></c><c t="inlineStr"><is><t>when</t></is></c></row>
            <row><c><v>7</v></c><c t="inlineStr"><is><t>seven</t></is></c><c><v>-999</v></c><c t="b"><v>1</v></c><c><v>1</v></c></row>
            <row><c><v>8</v></c><c t="inlineStr"><is><t>eight</t></is></c><c t="inlineStr"><is><t>n/a</t></is></c><c t="b"><v>0</v></c><c><v>2</v></c></row>
            """;
        var path = Workbook("plain.xlsx", sharedStrings: null, sheets: [("Sheet1", Sheet(rows))]);

        var loaded = new ExcelDataset<CellKindsRow>("plain", path, new ExcelDatasetOptions { NaValues = ["-999", "n/a"] }).Load();

        Assert.Equal([(7, "seven", (double?)null), (8, "eight", null)], loaded.Select(r => (r.Id, r.Name, r.Score)));
        Assert.Equal(DateTime.FromOADate(2), loaded[1].When);
    }

    [Fact]
    public void The_named_sheet_or_the_sheet_at_a_position_loads_and_targets_may_be_absolute_in_another_case()
    {
        var first = Sheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>""");
        var second = Sheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>""");
        var path = Workbook("sheets.xlsx", sharedStrings: null, sheets: [("First", first), ("Chart", null), ("Second", second)], absoluteTargets: true);

        Assert.Equal([1], new ExcelDataset<IdRow>("sheets", path).Load().Select(r => r.Id));
        Assert.Equal([2, 3], new ExcelDataset<IdRow>("sheets", path, new ExcelDatasetOptions { SheetName = "second" }).Load().Select(r => r.Id));
        Assert.Equal([2, 3], new ExcelDataset<IdRow>("sheets", path, new ExcelDatasetOptions { SheetName = "2" }).Load().Select(r => r.Id));

        var chart = Assert.Throws<DatasetException>(() => new ExcelDataset<IdRow>("sheets", path, new ExcelDatasetOptions { SheetName = "Chart" }).Load());
        Assert.Contains($"Dataset 'sheets' ({path}): sheet 'Chart' is not a worksheet", chart.Message);
        var missing = Assert.Throws<DatasetException>(() => new ExcelDataset<IdRow>("sheets", path, new ExcelDatasetOptions { SheetName = "Third" }).Load());
        Assert.Contains($"Dataset 'sheets' ({path}): the workbook has no sheet 'Third'. Its sheets are: 'First', 'Chart', 'Second'.", missing.Message);
        Assert.Contains("load_args.sheet_name", missing.Message);
    }

    [Fact]
    public void A_shared_string_the_workbook_lacks_and_an_error_cell_name_the_cell()
    {
        var rows = """<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>99</v></c></row><row r="3"><c r="A3"><v>2</v></c><c r="B3" t="e"><v>#DIV/0!</v></c></row>""";
        var dangling = Workbook("dangling.xlsx", sharedStrings: SharedStrings, sheets: [("Data", Sheet(Header + rows))]);

        var error = Assert.Throws<DatasetException>(() => new ExcelDataset<ParquetRow>("kinds", dangling).Load());

        Assert.Contains($"Dataset 'kinds' ({dangling}): sheet 'Data', row 2, column 'name' (cell B2) refers to shared string 99", error.Message);

        var errorCell = Workbook("error.xlsx", sharedStrings: SharedStrings, sheets: [("Data", Sheet(Header + rows.Replace("""<c r="B2" t="s"><v>99</v></c>""", "")))]);
        var holdsError = Assert.Throws<DatasetException>(() => new ExcelDataset<ParquetRow>("kinds", errorCell).Load());
        Assert.Contains("row 3, column 'name' (cell B3) holds the error #DIV/0!", holdsError.Message);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_names_the_dataset_and_the_file()
    {
        var path = _dir.File("other.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Write(zip, "readme.txt", "not a workbook");
        }

        var error = Assert.Throws<DatasetException>(() => new ExcelDataset<IdRow>("other", path).Load());

        Assert.Contains($"Dataset 'other' ({path}): the file is not an Excel workbook (.xlsx)", error.Message);
        Assert.Contains("no officeDocument relationship", error.Message);
    }

    [Fact]
    public void Malformed_sheet_xml_names_the_dataset_and_the_file()
    {
        var path = Workbook("broken.xlsx", sharedStrings: null, sheets: [("Data", $"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1">""")]);

        var error = Assert.Throws<DatasetException>(() => new ExcelDataset<IdRow>("broken", path).Load());

        Assert.Contains("Dataset 'broken'", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Typed_members_take_numbers_and_text_and_the_other_cases_convert_as_before()
    {
        var header = """<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>big</t></is></c><c r="C1" t="inlineStr"><is><t>count</t></is></c><c r="D1" t="inlineStr"><is><t>ratio</t></is></c><c r="E1" t="inlineStr"><is><t>text</t></is></c><c r="F1" t="inlineStr"><is><t>flag</t></is></c></row>""";
        var rows =
            """
            <row r="2"><c r="A2" t="str"><v>12</v></c><c r="B2"><v>1E15</v></c><c r="C2"><v>2.0</v></c><c r="D2"><v><![CDATA[0.]]>25</v></c><c r="E2"><v>1.5</v></c><c r="F2" t="inlineStr"><is><t>yes</t></is></c></row>
            <row r="3"><c r="A3"><v>1<!-- a comment -->3</v></c><c r="B3"><v>-7</v></c><c r="D3"><v>&#52;</v></c><c r="E3" t="inlineStr"><is><t>plain</t></is></c><c r="F3" t="b"><v>1</v></c></row>
            """;
        var path = Workbook("typed.xlsx", sharedStrings: null, sheets: [("Data", Sheet(header + rows))]);

        var loaded = new ExcelDataset<TypedCellsRow>("typed", path).Load();

        Assert.Equal([(12, 1_000_000_000_000_000L, (int?)2, 0.25, "1.5", true), (13, -7L, null, 4.0, "plain", true)],
            loaded.Select(r => (r.Id, r.Big, r.Count, r.Ratio, r.Text, r.Flag)));
    }

    [Theory]
    [InlineData("3.5", "cannot convert '3.5'")]
    [InlineData("3E10", "cannot convert '30000000000'")]
    public void A_fraction_or_a_number_out_of_range_for_an_integer_member_names_the_cell(string number, string problem)
    {
        var rows = $"""<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3"><v>{number}</v></c></row>""";
        var path = Workbook("ints.xlsx", sharedStrings: null, sheets: [("Data", Sheet(rows))]);

        var error = Assert.Throws<DatasetException>(() => new ExcelDataset<IdRow>("ints", path).Load());

        Assert.Contains($"Dataset 'ints' ({path}): sheet 'Data', row 3, column 'id' (cell A3) {problem}", error.Message);
        Assert.Contains("IdRow.Id", error.Message);
    }

    [Fact]
    public void A_setter_that_throws_rejects_the_row_by_its_number()
    {
        var rows = """<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row><row r="4"><c r="A4"><v>-1</v></c></row>""";
        var path = Workbook("checked.xlsx", sharedStrings: null, sheets: [("Data", Sheet(rows))]);

        var error = Assert.Throws<DatasetException>(() => new ExcelDataset<CheckedRow>("checked", path).Load());

        Assert.Contains($"Dataset 'checked' ({path}): sheet 'Data', row 4: CheckedRow rejected the row: ArgumentOutOfRangeException", error.Message);
        Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
    }

    private static string Sheet(string rows) => $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{Main}" xmlns:r="{Rel}"><sheetData>{rows}</sheetData></worksheet>""";

    // A workbook as a producer other than ExcelDataset writes it: the parts under xl/, relationships with relative targets
    // (or absolute ones), a chart sheet where a sheet's content is null.
    private string Workbook(string name, string? sharedStrings, (string Name, string? Xml)[] sheets, bool absoluteTargets = false)
    {
        var path = _dir.File(name);
        var prefix = absoluteTargets ? "/XL/" : ""; // part names compare without case
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Write(zip, "[Content_Types].xml", """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""");
        Write(zip, "_rels/.rels", $"""<Relationships xmlns="{PackageRel}"><Relationship Id="rId1" Type="{Rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        var workbook = new StringBuilder($"""<workbook xmlns="{Main}" xmlns:r="{Rel}"><sheets>""");
        var relationships = new StringBuilder($"""<Relationships xmlns="{PackageRel}">""");
        for (var i = 0; i < sheets.Length; i++)
        {
            workbook.Append($"""<sheet name="{sheets[i].Name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""");
            var (type, target) = sheets[i].Xml is null ? ("chartsheet", $"chartsheets/sheet{i + 1}.xml") : ("worksheet", $"worksheets/sheet{i + 1}.xml");
            relationships.Append($"""<Relationship Id="rId{i + 1}" Type="{Rel}/{type}" Target="{prefix}{target}"/>""");
            Write(zip, "xl/" + target, sheets[i].Xml ?? $"""<chartsheet xmlns="{Main}"/>""");
        }
        if (sharedStrings is not null)
        {
            relationships.Append($"""<Relationship Id="rIdS" Type="{Rel}/sharedStrings" Target="{prefix}sharedStrings.xml"/>""");
            Write(zip, "xl/sharedStrings.xml", sharedStrings);
        }
        Write(zip, "xl/workbook.xml", workbook.Append("</sheets></workbook>").ToString());
        Write(zip, "xl/_rels/workbook.xml.rels", relationships.Append("</Relationships>").ToString());
        return path;
    }

    private static void Write(ZipArchive zip, string entry, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(entry).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}

public sealed class IdRow
{
    public int Id { get; set; }
}

public sealed class TypedCellsRow
{
    public int Id { get; set; }
    public long Big { get; set; }
    public int? Count { get; set; }
    public double Ratio { get; set; }
    public string Text { get; set; } = "";
    public bool Flag { get; set; }
}

public sealed class CheckedRow
{
    private int _id;

    public int Id
    {
        get => _id;
        set => _id = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "An id is never negative.");
    }
}
