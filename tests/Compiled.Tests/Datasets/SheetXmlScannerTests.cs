using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Compiled.Datasets;
using Xunit;

namespace Compiled.Tests.Datasets;

/// <summary>
/// <see cref="SheetXmlScanner"/>, the reader of worksheet and shared-string XML behind <see cref="ExcelDataset{TRow}"/>, against
/// the XML the .NET <see cref="XmlReader"/> reads (loaded into LINQ to XML): the cells and shared strings of Kedro's
/// spaceflights workbook (inline strings, as pandas writes them) and of hand-made sheets with every construct a sheet may use are the same; malformed XML is an
/// error that names the dataset, the sheet and the cell.
/// </summary>
public sealed class SheetXmlScannerTests : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_cells_of_kedros_spaceflights_workbook_are_those_an_XmlReader_reads()
    {
        var path = ExcelDatasetTests.FindSharedFile("data", "spaceflights", "shuttles.xlsx");
        Assert.True(path is not null, "samples/Spaceflights/data/01_raw/shuttles.xlsx was not found");
        using var zip = ZipFile.OpenRead(path!);
        var parts = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(parts);

        foreach (var part in parts)
        {
            var bytes = ReadAll(part);
            var expected = ReferenceRows(bytes);
            Assert.True(expected.Count > 15_000);
            Assert.Equal(expected, ScannedRows(bytes));
        }
    }

    public static TheoryData<string> Sheets() => new()
    {
        // Shared, inline, rich and formula strings, numbers, booleans, dates, empty and self-closing cells, empty rows.
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{Main}"><sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>in</t></r><r><rPr><b/></rPr><t>line</t></r><rPh><t>skip</t></rPh></is></c><c r="C1" s="2"><f>SUM(A1:B1)</f><v>3.5</v></c></row><row r="2"/><row r="4"><c r="A4"/><c r="C4" t="b"><v>1</v></c><c r="D4" t="d"><v>2026-12-07T05:00:00</v></c><c r="E4" t="e"><v>#N/A</v></c><c r="F4"><v/></c><c r="G4" t="inlineStr"><is/></c></row></sheetData></worksheet>""",
        // Entities and character references in text and attributes, single quotes, whitespace around '=' and in tags.
        $"""<worksheet xmlns="{Main}"><sheetData><row r = '1' ><c r="A1" t='inlineStr' ><is><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#x65E5;&#x1F600;</t></is></c><c r='B1'  t="str"><v>x&#10;y</v></c></row><row r="2"><c r="A2" t="&#115;"><v>1</v></c></row></sheetData></worksheet>""",
        // CDATA, comments and processing instructions inside values, whitespace kept, prefixed (strict-style) names.
        $"""<x:worksheet xmlns:x="{Main}"><!-- a comment --><x:sheetData><?pi data?><x:row r="1"><x:c r="A1"><x:v><![CDATA[1.]]>5<!-- c -->0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t xml:space="preserve">  spaced  </x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t><![CDATA[<not markup> & ]]></x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>""",
        // Cells without references, rows without numbers, unknown elements and attributes skipped, a '>' in an attribute.
        $"""<worksheet xmlns="{Main}" xmlns:e="urn:extension"><sheetData><row><c><v>7</v></c><c t="inlineStr" e:note="a > b"><is><t>seven</t></is></c><e:unknown><c r="Z9"><v>9</v></c></e:unknown></row><row><c r="C2"><v> 8 </v></c></row></sheetData><e:ext><row r="99"><c><v>1</v></c></row></e:ext></worksheet>""",
        // Line ends: CRLF and CR inside text and attribute values, tabs in attributes.
        $"<worksheet xmlns=\"{Main}\">\r\n<sheetData>\r\n<row r=\"1\">\r\n<c r=\"A1\" t=\"inlineStr\"><is><t>one\r\ntwo\rthree\nfour</t></is></c>\r\n<c r=\"B1\" t=\"str\"><v>a\tb</v></c><c r=\"C1\" t=\"inline&#x53;tr\"><is><t>&#13;kept</t></is></c></row>\r\n</sheetData>\r\n</worksheet>\r\n",
    };

    [Theory]
    [MemberData(nameof(Sheets))]
    public void A_hand_made_sheet_reads_as_an_XmlReader_reads_it(string sheet)
    {
        var bytes = new UTF8Encoding(false).GetBytes(sheet);

        var expected = ReferenceRows(bytes);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, ScannedRows(bytes));
        Assert.Equal(expected, ScannedRows([.. Encoding.UTF8.GetPreamble(), .. bytes]));
        Assert.Equal(expected, ScannedRows([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(sheet)]));
        Assert.Equal(expected, ScannedRows([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(sheet)]));
    }

    [Fact]
    public void Values_and_tags_across_the_readers_buffer_read_whole()
    {
        // Several times the 64 KB buffer, with multi-byte characters and entities at every offset, and one value larger than it.
        var random = new Random(16);
        var sheet = new StringBuilder($"""<worksheet xmlns="{Main}"><sheetData>""");
        string[] pieces = ["é", "日本", "\U0001F680", "&amp;", "&#x20AC;", "plain", " ", "\t"];
        for (var row = 1; row <= 3_000; row++)
        {
            sheet.Append($"""<row r="{row}">""");
            for (var column = 0; column < 4; column++)
            {
                var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
                sheet.Append($"""<c r="{ExcelCells.CellReference(column, (uint)row)}" t="inlineStr"><is><t>{text}</t></is></c>""");
            }
            sheet.Append($"""<c r="E{row}"><v>{random.NextDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture)}</v></c></row>""");
        }
        sheet.Append($"""<row r="3001"><c r="A3001" t="inlineStr"><is><t>{new string('x', 100_000)}é</t></is></c></row></sheetData></worksheet>""");
        var bytes = Encoding.UTF8.GetBytes(sheet.ToString());
        Assert.True(bytes.Length > 4 * 64 * 1024);

        Assert.Equal(ReferenceRows(bytes), ScannedRows(bytes));
    }

    [Fact]
    public void Shared_strings_read_as_an_XmlReader_reads_them()
    {
        var strings = new UTF8Encoding(false).GetBytes(
            $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{Main}" count="5"><si><t>plain</t></si><si><r><t>Rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh sb="0" eb="1"><t>ruby</t></rPh></si><si><t/></si><si/><si><t xml:space="preserve"> &lt;tag&gt; &amp; &#x2603; </t></si></sst>""");

        var expected = ReferenceStrings(strings);

        Assert.Equal(["plain", "Rich text", "", "", " <tag> & \u2603 "], expected);
        Assert.Equal(expected, ScannedStrings(strings));
    }

    public static TheoryData<string, string, string> MalformedSheets() => new()
    {
        { """<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>2</c></row>""", "in cell B2", "does not close <v>" },
        { """<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="C2" t="inlineStr"><is><t>a &nbsp; b</t></is></c></row>""", "in cell C2", "'&nbsp;' is not an entity XML defines" },
        { """<row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r=A3><v>3</v></c></row>""", "in or after row 3", "an attribute value is not quoted" },
        { """<row r="1"><c r="A1"><v>1</v></c></row><row r="4"><c r="D4"><v>4<b/></v></c></row>""", "in cell D4", "an element <b> is inside an element that holds only text" },
        { """<row r="1"><c r="A1"><v>1</v></c></row><row r="5"><c r="A5"><v>1""", "in cell A5", "the end tag </sheetData> does not close <v>" },
        { """<row r="1"><c r="A1" r="B1"><v>1</v></c></row>""", "in or after row 1", "the attribute 'r' is repeated" },
    };

    [Theory]
    [MemberData(nameof(MalformedSheets))]
    public void Malformed_sheet_xml_names_the_dataset_the_sheet_and_the_cell(string rows, string where, string problem)
    {
        var path = ExcelWorkbook(Encoding.UTF8.GetBytes($"""<worksheet xmlns="{Main}"><sheetData>{rows}</sheetData></worksheet>"""));

        var error = Assert.Throws<DatasetException>(() => new ExcelDataset<IdRow>("broken", path, new ExcelDatasetOptions { HeaderRow = null }).Load());

        Assert.StartsWith($"Dataset 'broken' ({path}): sheet 'Data' is not well-formed XML {where}: ", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Contains("(xl/worksheets/sheet1.xml, byte ", error.Message);
        Assert.IsType<XmlException>(error.InnerException);
    }

    [Theory]
    [InlineData("""<?xml version="1.0" encoding="ISO-8859-1"?><worksheet/>""", "declares the encoding 'iso-8859-1'")]
    [InlineData("""<!DOCTYPE worksheet [<!ENTITY e "x">]><worksheet/>""", "document type declaration")]
    [InlineData("""<worksheet/><worksheet/>""", "a second root element")]
    [InlineData("", "no root element")]
    [InlineData("""<worksheet><sheetData><row r="1"><c r="A1"><v>1""", "the part ends inside <v>")]
    public void A_part_that_is_no_sheet_xml_is_refused_with_the_reason(string sheet, string problem)
    {
        var path = ExcelWorkbook(Encoding.UTF8.GetBytes(sheet));

        var error = Assert.Throws<DatasetException>(() => new ExcelDataset<IdRow>("broken", path).Load());

        Assert.Contains($"Dataset 'broken' ({path})", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Invalid_utf8_in_a_value_is_refused()
    {
        byte[] sheet = [.. Encoding.UTF8.GetBytes($"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1" t="str"><v>a"""), 0xC3, 0x28, .. "</v></c></row></sheetData></worksheet>"u8.ToArray()];
        var path = ExcelWorkbook(sheet);

        var error = Assert.Throws<DatasetException>(() => new ExcelDataset<IdRow>("broken", path, new ExcelDatasetOptions { HeaderRow = null }).Load());

        Assert.Contains("sheet 'Data' is not well-formed XML in cell A1: the text is not valid UTF-8", error.Message);
    }

    // What the loader reads of each row, through the scanner: its number and, per cell, column, type and value.
    private static List<string> ScannedRows(byte[] part)
    {
        var rows = new List<string>();
        var cells = new ExcelRowCells();
        using var xml = new SheetXmlScanner(new MemoryStream(part), "sheet.xml");
        uint last = 0;
        while (xml.Read())
        {
            if (xml.Node != SheetXmlNode.Element || !xml.IsLocalName("row"u8)) continue;
            last = xml.TryGetAttribute("r"u8, out var r) && uint.TryParse(r, out var n) ? n : last + 1;
            cells.Read(xml);
            var line = new StringBuilder($"row {last}:");
            for (var i = 0; i < cells.Count; i++) line.Append($" [{cells.Column(i)}|{cells.Type(i) ?? "-"}|{(cells.HasValue(i) ? cells.Text(i) : "<none>")}]");
            rows.Add(line.ToString());
        }
        return rows;
    }

    // The same, from the XML the .NET XmlReader reads: each <row>'s <c> descendants, a cell's value its last <v> or <is>.
    private static List<string> ReferenceRows(byte[] part)
    {
        var rows = new List<string>();
        uint last = 0;
        foreach (var row in Load(part).Descendants().Where(e => e.Name.LocalName == "row"))
        {
            last = uint.TryParse((string?)row.Attribute("r"), out var n) ? n : last + 1;
            var line = new StringBuilder($"row {last}:");
            var next = 0;
            foreach (var cell in row.Descendants().Where(e => e.Name.LocalName == "c"))
            {
                var column = ExcelCells.ColumnIndex((string?)cell.Attribute("r"));
                if (column < 0) column = next;
                next = column + 1;
                var value = cell.Descendants().LastOrDefault(e => e.Name.LocalName is "v" or "is") switch
                {
                    null => "<none>",
                    { Name.LocalName: "v" } v => v.Value,
                    var item => StringItem(item),
                };
                line.Append($" [{column}|{(string?)cell.Attribute("t") ?? "-"}|{value}]");
            }
            rows.Add(line.ToString());
        }
        return rows;
    }

    private static List<string> ScannedStrings(byte[] part)
    {
        var strings = new List<string>();
        using var xml = new SheetXmlScanner(new MemoryStream(part), "sharedStrings.xml");
        while (xml.Read())
        {
            if (xml.Node == SheetXmlNode.Element && xml.IsLocalName("si"u8)) strings.Add(ExcelRowCells.ReadStringItem(xml));
        }
        return strings;
    }

    private static List<string> ReferenceStrings(byte[] part) =>
        [.. Load(part).Descendants().Where(e => e.Name.LocalName == "si").Select(StringItem)];

    // An <si> or <is>: its <t>s in order, without those of phonetic guides (<rPh>).
    private static string StringItem(XElement item) => string.Concat(item.Descendants()
        .Where(e => e.Name.LocalName == "t" && !e.Ancestors().TakeWhile(a => a != item).Any(a => a.Name.LocalName == "rPh"))
        .Select(e => e.Value));

    private static XDocument Load(byte[] part)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true };
        using var xml = XmlReader.Create(new MemoryStream(part), settings);
        return XDocument.Load(xml, LoadOptions.PreserveWhitespace);
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    // A workbook with one sheet, 'Data', whose part holds `sheet` as given.
    private string ExcelWorkbook(byte[] sheet)
    {
        const string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        const string packageRel = "http://schemas.openxmlformats.org/package/2006/relationships";
        var path = _dir.File($"sheet{Guid.NewGuid():N}.xlsx");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Write(zip, "_rels/.rels", Encoding.UTF8.GetBytes($"""<Relationships xmlns="{packageRel}"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
        Write(zip, "xl/workbook.xml", Encoding.UTF8.GetBytes($"""<workbook xmlns="{Main}" xmlns:r="{rel}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
        Write(zip, "xl/_rels/workbook.xml.rels", Encoding.UTF8.GetBytes($"""<Relationships xmlns="{packageRel}"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""));
        Write(zip, "xl/worksheets/sheet1.xml", sheet);
        return path;
    }

    private static void Write(ZipArchive zip, string entry, byte[] bytes)
    {
        using var stream = zip.CreateEntry(entry).Open();
        stream.Write(bytes);
    }
}
