using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Compiled.Datasets;

/// <summary>
/// Writes a one-sheet <c>.xlsx</c> package straight into a zip, the parts Open Packaging Conventions and SpreadsheetML
/// require and nothing else: the content types, the package's relationships, the workbook and its relationships, a
/// stylesheet with the date formats <see cref="ExcelDataset{TRow}"/> uses, and the worksheet, whose XML the caller streams
/// through <see cref="Sheet"/>. The same parts, names and relationships the Open XML SDK wrote for it before, without that
/// SDK's assembly (about ten megabytes of a native executable) in every program that has an Excel dataset.
/// </summary>
internal sealed class XlsxPackageWriter : IDisposable
{
    /// <summary>The SpreadsheetML namespace of the workbook, the stylesheet and the worksheet.</summary>
    public const string SpreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The cell style of a date (number format 14); see <see cref="WriteStyles"/>.</summary>
    public const uint DateStyle = 1;

    /// <summary>The cell style of a date and time (number format 22); see <see cref="WriteStyles"/>.</summary>
    public const uint DateTimeStyle = 2;

    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string SheetPart = "xl/worksheets/sheet1.xml";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        CloseOutput = true,
        CheckCharacters = true,
    };

    private readonly ZipArchive _zip;
    private readonly string _sheetName;

    /// <summary>Starts the package in <paramref name="stream"/> (left open) and opens its worksheet for writing.</summary>
    /// <param name="stream">Where the package goes.</param>
    /// <param name="sheetName">The worksheet's name in the workbook.</param>
    public XlsxPackageWriter(Stream stream, string sheetName)
    {
        _sheetName = sheetName;
        _zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        try
        {
            WriteContentTypes();
            WritePart("_rels/.rels", xml =>
            {
                xml.WriteStartElement("Relationships", RelationshipsNamespace);
                Relationship(xml, "rId1", OfficeRelationships + "/officeDocument", "xl/workbook.xml");
                xml.WriteEndElement();
            });
            Sheet = XmlWriter.Create(_zip.CreateEntry(SheetPart).Open(), Settings);
            Sheet.WriteStartDocument(standalone: true);
        }
        catch
        {
            _zip.Dispose();
            throw;
        }
    }

    /// <summary>The worksheet's XML, after its declaration: the caller writes its <c>worksheet</c> element.</summary>
    public XmlWriter Sheet { get; }

    /// <summary>Ends the worksheet and writes the workbook, its relationships and the stylesheet.</summary>
    public void Finish()
    {
        Sheet.WriteEndDocument();
        Sheet.Dispose();
        WritePart("xl/workbook.xml", xml =>
        {
            xml.WriteStartElement("workbook", SpreadsheetNamespace);
            xml.WriteAttributeString("xmlns", "r", null, OfficeRelationships);
            xml.WriteStartElement("sheets", SpreadsheetNamespace);
            xml.WriteStartElement("sheet", SpreadsheetNamespace);
            xml.WriteAttributeString("name", _sheetName);
            xml.WriteAttributeString("sheetId", "1");
            xml.WriteAttributeString("id", OfficeRelationships, "rId1");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        });
        WritePart("xl/_rels/workbook.xml.rels", xml =>
        {
            xml.WriteStartElement("Relationships", RelationshipsNamespace);
            Relationship(xml, "rId1", OfficeRelationships + "/worksheet", "worksheets/sheet1.xml");
            Relationship(xml, "rId2", OfficeRelationships + "/styles", "styles.xml");
            xml.WriteEndElement();
        });
        WritePart("xl/styles.xml", WriteStyles);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Sheet.Dispose();
        _zip.Dispose();
    }

    private void WriteContentTypes() => WritePart("[Content_Types].xml", xml =>
    {
        const string types = "http://schemas.openxmlformats.org/package/2006/content-types";
        const string spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        xml.WriteStartElement("Types", types);
        Default(xml, types, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(xml, types, "xml", "application/xml");
        Override(xml, types, "/xl/workbook.xml", spreadsheet + "sheet.main+xml");
        Override(xml, types, "/" + SheetPart, spreadsheet + "worksheet+xml");
        Override(xml, types, "/xl/styles.xml", spreadsheet + "styles+xml");
        xml.WriteEndElement();

        static void Default(XmlWriter xml, string ns, string extension, string contentType)
        {
            xml.WriteStartElement("Default", ns);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", contentType);
            xml.WriteEndElement();
        }

        static void Override(XmlWriter xml, string ns, string part, string contentType)
        {
            xml.WriteStartElement("Override", ns);
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", contentType);
            xml.WriteEndElement();
        }
    });

    // Fonts, fills, borders and cell styles as a spreadsheet program expects at least; cell formats 0 (general),
    // DateStyle (number format 14, a date) and DateTimeStyle (22, a date and time).
    private static void WriteStyles(XmlWriter xml)
    {
        xml.WriteStartElement("styleSheet", SpreadsheetNamespace);
        Collection(xml, "fonts", 1, () => xml.WriteElementString("font", SpreadsheetNamespace, null));
        Collection(xml, "fills", 2, () =>
        {
            foreach (var pattern in (ReadOnlySpan<string>)["none", "gray125"])
            {
                xml.WriteStartElement("fill", SpreadsheetNamespace);
                xml.WriteStartElement("patternFill", SpreadsheetNamespace);
                xml.WriteAttributeString("patternType", pattern);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
        });
        Collection(xml, "borders", 1, () => xml.WriteElementString("border", SpreadsheetNamespace, null));
        Collection(xml, "cellStyleXfs", 1, () => xml.WriteElementString("xf", SpreadsheetNamespace, null));
        Collection(xml, "cellXfs", 3, () =>
        {
            xml.WriteElementString("xf", SpreadsheetNamespace, null);
            foreach (var format in (ReadOnlySpan<string>)["14", "22"])
            {
                xml.WriteStartElement("xf", SpreadsheetNamespace);
                xml.WriteAttributeString("numFmtId", format);
                xml.WriteAttributeString("applyNumberFormat", "1");
                xml.WriteEndElement();
            }
        });
        xml.WriteEndElement();

        static void Collection(XmlWriter xml, string name, int count, Action items)
        {
            xml.WriteStartElement(name, SpreadsheetNamespace);
            xml.WriteAttributeString("count", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            items();
            xml.WriteEndElement();
        }
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", RelationshipsNamespace);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteAttributeString("Id", id);
        xml.WriteEndElement();
    }

    private void WritePart(string name, Action<XmlWriter> write)
    {
        using var xml = XmlWriter.Create(_zip.CreateEntry(name).Open(), Settings);
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }
}
