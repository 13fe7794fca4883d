using System.IO.Compression;
using System.Xml;

namespace Compiled.Datasets;

/// <summary>
/// The parts of an <c>.xlsx</c> file that loading needs, found the way the Open Packaging Conventions say: the package's
/// relationships (<c>_rels/.rels</c>) name the workbook, the workbook's relationships name its sheets and its shared
/// strings. Those small parts are read straight from the zip with <see cref="XmlReader"/>, the sheets and shared strings with
/// <see cref="SheetXmlScanner"/>; names are matched on local names, so transitional and strict workbooks both open.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private readonly ZipArchive _zip;

    private XlsxPackage(ZipArchive zip, IReadOnlyList<XlsxSheet> sheets, string? sharedStrings)
    {
        _zip = zip;
        Sheets = sheets;
        SharedStringsPart = sharedStrings;
    }

    /// <summary>The workbook's sheets, in the workbook's order.</summary>
    public IReadOnlyList<XlsxSheet> Sheets { get; }

    /// <summary>The zip entry of the shared string table; null when the workbook has none.</summary>
    public string? SharedStringsPart { get; }

    /// <summary>Opens the package and reads its workbook's sheet list.</summary>
    /// <param name="stream">The file; left open.</param>
    /// <exception cref="InvalidDataException">The file is not a zip, or not a workbook.</exception>
    public static XlsxPackage Open(Stream stream)
    {
        var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        try
        {
            var workbook = Relationships(zip, "")
                .FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target
                ?? throw new InvalidDataException("The package names no workbook (_rels/.rels has no officeDocument relationship).");
            var workbookEntry = Entry(zip, workbook) ?? throw new InvalidDataException($"The package has no workbook part '{workbook}'.");
            var parts = Relationships(zip, workbook);
            var sharedStrings = parts.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target;
            var sheets = new List<XlsxSheet>();
            using (var xml = XmlReader.Create(workbookEntry.Open(), Settings))
            {
                while (xml.Read())
                {
                    if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "sheet") continue;
                    var id = xml.GetAttribute("id", RelationshipsNamespace) ?? RelationshipId(xml);
                    var part = parts.FirstOrDefault(r => r.Id == id);
                    var isWorksheet = part.Type?.EndsWith("/worksheet", StringComparison.Ordinal) == true;
                    sheets.Add(new XlsxSheet(xml.GetAttribute("name") ?? "", isWorksheet ? part.Target : null));
                }
            }

            return new XlsxPackage(zip, sheets, sharedStrings is not null && Entry(zip, sharedStrings) is not null ? sharedStrings : null);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>Reads a part (a worksheet, the shared strings) with a <see cref="SheetXmlScanner"/>.</summary>
    /// <param name="part">The zip entry, as <see cref="Sheets"/> or <see cref="SharedStringsPart"/> give it.</param>
    /// <exception cref="InvalidDataException">The package has no such part.</exception>
    /// <exception cref="XmlException">The part declares an encoding other than UTF-8 or UTF-16.</exception>
    public SheetXmlScanner Scan(string part) =>
        new((Entry(_zip, part) ?? throw new InvalidDataException($"The package has no part '{part}'.")).Open(), part);

    /// <inheritdoc />
    public void Dispose() => _zip.Dispose();

    // A part by name; part names compare without case in a package (zip entry names do not).
    private static ZipArchiveEntry? Entry(ZipArchive zip, string name) =>
        zip.GetEntry(name) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));

    // The r:id of a <sheet> written with a namespace other than the transitional one (strict workbooks).
    private static string? RelationshipId(XmlReader xml)
    {
        for (var i = 0; i < xml.AttributeCount; i++)
        {
            xml.MoveToAttribute(i);
            if (xml.LocalName == "id" && xml.Prefix.Length > 0)
            {
                var value = xml.Value;
                xml.MoveToElement();
                return value;
            }
        }

        xml.MoveToElement();
        return null;
    }

    // The relationships of a part (of the package when part is ""), with targets resolved to zip entry names.
    private static List<(string Id, string Type, string Target)> Relationships(ZipArchive zip, string part)
    {
        var slash = part.LastIndexOf('/');
        var directory = slash < 0 ? "" : part[..(slash + 1)];
        var file = slash < 0 ? part : part[(slash + 1)..];
        var relationships = new List<(string, string, string)>();
        var entry = Entry(zip, $"{directory}_rels/{file}.rels");
        if (entry is null) return relationships;
        using var xml = XmlReader.Create(entry.Open(), Settings);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship") continue;
            if (xml.GetAttribute("TargetMode") == "External") continue;
            if (xml.GetAttribute("Id") is not { } id || xml.GetAttribute("Type") is not { } type || xml.GetAttribute("Target") is not { } target) continue;
            relationships.Add((id, type, Resolve(directory, target)));
        }

        return relationships;
    }

    // A relationship's target relative to the source part's directory, or absolute from the package root.
    private static string Resolve(string directory, string target)
    {
        var segments = new List<string>();
        var path = target.StartsWith('/') ? target[1..] : directory + target;
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..")
            {
                if (segments.Count > 0) segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(Uri.UnescapeDataString(segment));
        }

        return string.Join('/', segments);
    }
}

/// <summary>One sheet of a workbook: its name, and its worksheet part (null for a chart sheet or a dangling reference).</summary>
/// <param name="Name">The sheet's name.</param>
/// <param name="Part">The zip entry of the worksheet.</param>
internal readonly record struct XlsxSheet(string Name, string? Part);
