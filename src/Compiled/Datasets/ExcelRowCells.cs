using System.Xml;

namespace Compiled.Datasets;

/// <summary>
/// The cells of one <c>&lt;row&gt;</c> of a worksheet as the sheet stores them: each cell's column, its <c>t</c> attribute and
/// its raw value, the text of <c>&lt;v&gt;</c> kept in one buffer shared by the row (a number or a shared-string index needs
/// no string of its own) or the text of an inline string. Reused from row to row.
/// </summary>
internal sealed class ExcelRowCells
{
    // Cell and row attributes are short ("AB12", "inlineStr"): read without a string per cell. A value longer than the
    // buffer is cut, which no row number, cell reference or cell type is.
    private const int AttributeBuffer = 32;

    private readonly char[] _attribute = new char[AttributeBuffer];
    private char[] _text = new char[256];
    private int _textLength;
    private RawCell[] _cells = new RawCell[16];

    /// <summary>The number of cells read.</summary>
    public int Count { get; private set; }

    /// <summary>The zero-based column of cell <paramref name="index"/>.</summary>
    public int Column(int index) => _cells[index].Column;

    /// <summary>The <c>t</c> attribute of cell <paramref name="index"/> (null when absent: a number).</summary>
    public string? Type(int index) => _cells[index].Type;

    /// <summary>Whether cell <paramref name="index"/> has a value (a <c>&lt;v&gt;</c> or an inline string).</summary>
    public bool HasValue(int index) => _cells[index].Start >= 0 || _cells[index].Inline is not null;

    /// <summary>The raw value of cell <paramref name="index"/>: its <c>&lt;v&gt;</c> text or its inline string; empty when it has none.</summary>
    public ReadOnlySpan<char> Value(int index)
    {
        ref readonly var cell = ref _cells[index];
        if (cell.Inline is { } inline) return inline;
        return cell.Start < 0 ? default : _text.AsSpan(cell.Start, cell.Length);
    }

    /// <summary>The raw value of cell <paramref name="index"/> as a string (the inline string itself, without a copy).</summary>
    public string Text(int index) => _cells[index].Inline ?? Value(index).ToString();

    /// <summary>The value of attribute <paramref name="name"/> of the element the reader is on, copied into a buffer; empty when absent.</summary>
    public ReadOnlySpan<char> Attribute(XmlReader xml, string name)
    {
        if (!xml.MoveToAttribute(name)) return default;
        var length = xml.ReadValueChunk(_attribute, 0, _attribute.Length);
        xml.MoveToElement();
        return _attribute.AsSpan(0, length);
    }

    /// <summary>
    /// Reads the cells of the <c>&lt;row&gt;</c> the reader is on, up to its end: for each <c>&lt;c&gt;</c>, its column (from
    /// its reference, else the one after the previous cell), its type and the text of its <c>&lt;v&gt;</c> or its inline
    /// string (the last one when a cell has several).
    /// </summary>
    public void Read(XmlReader xml)
    {
        Count = 0;
        _textLength = 0;
        if (xml.IsEmptyElement) return;
        var depth = xml.Depth;
        var next = 0;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c") continue;
            var column = ExcelCells.ColumnIndex(Attribute(xml, "r"));
            if (column < 0) column = next;
            next = column + 1;
            var cell = new RawCell { Column = column, Type = CellType(xml), Start = -1 };
            if (!xml.IsEmptyElement)
            {
                var cellDepth = xml.Depth;
                while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == cellDepth))
                {
                    if (xml.NodeType != XmlNodeType.Element) continue;
                    if (xml.LocalName == "v")
                    {
                        cell.Inline = null;
                        cell.Start = _textLength;
                        ReadValue(xml);
                        cell.Length = _textLength - cell.Start;
                    }
                    else if (xml.LocalName == "is")
                    {
                        cell.Start = -1;
                        cell.Inline = ReadStringItem(xml);
                    }
                    if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == cellDepth) break;
                }
            }
            if (Count == _cells.Length) Array.Resize(ref _cells, Count * 2);
            _cells[Count++] = cell;
        }
    }

    // Appends the text of the element the reader is on (a <v>) to the row's buffer and leaves the reader on the node after its
    // end, as XmlReader.ReadElementContentAsString does, without a string per value.
    private void ReadValue(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return;
        }
        var depth = xml.Depth;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    int read;
                    do
                    {
                        if (_textLength == _text.Length) Array.Resize(ref _text, _text.Length * 2);
                        read = xml.ReadValueChunk(_text, _textLength, _text.Length - _textLength);
                        _textLength += read;
                    }
                    while (read > 0);
                    break;
                case XmlNodeType.Comment or XmlNodeType.ProcessingInstruction:
                    break;
                case XmlNodeType.EndElement when xml.Depth == depth:
                    xml.Read();
                    return;
                default:
                    throw new XmlException($"the value of a cell has a {xml.NodeType} ('{xml.Name}') where only text is allowed.");
            }
        }
    }

    // The cell's t attribute, as one of the constants of the format (no string per cell); another value as read.
    private string? CellType(XmlReader xml) => Attribute(xml, "t") switch
    {
        [] => xml.GetAttribute("t"),
        "n" => "n",
        "s" => "s",
        "inlineStr" => "inlineStr",
        "str" => "str",
        "b" => "b",
        "e" => "e",
        "d" => "d",
        _ => xml.GetAttribute("t"),
    };

    /// <summary>
    /// Reads an <c>&lt;si&gt;</c> or <c>&lt;is&gt;</c> string item: plain <c>&lt;t&gt;</c>, or rich-text runs
    /// <c>&lt;r&gt;&lt;t/&gt;&lt;/r&gt;</c>; phonetic guides (<c>&lt;rPh&gt;</c>) are not part of the value.
    /// </summary>
    public static string ReadStringItem(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }
        var depth = xml.Depth;
        string? single = null;
        System.Text.StringBuilder? builder = null;
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) && !xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                xml.Skip();
                continue;
            }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                var text = xml.ReadElementContentAsString();
                if (single is null && builder is null) single = text;
                else (builder ??= new System.Text.StringBuilder(single)).Append(text);
                continue;
            }
            xml.Read();
        }
        xml.Read();
        return builder?.ToString() ?? single ?? "";
    }

    private struct RawCell
    {
        public int Column;
        public string? Type;
        public int Start;   // in the row's text buffer; -1 when the cell has no <v>
        public int Length;
        public string? Inline;
    }
}
