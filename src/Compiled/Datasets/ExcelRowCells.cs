namespace Compiled.Datasets;

/// <summary>
/// The cells of one <c>&lt;row&gt;</c> of a worksheet as the sheet stores them: each cell's column, its <c>t</c> attribute and
/// its raw value, the text of <c>&lt;v&gt;</c> kept in one buffer shared by the row (a number or a shared-string index needs
/// no string of its own) or the text of an inline string. Reused from row to row.
/// </summary>
internal sealed class ExcelRowCells
{
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

    /// <summary>The column of the cell being read (for errors); -1 between cells.</summary>
    public int CurrentColumn { get; private set; } = -1;

    /// <summary>
    /// Reads the cells of the <c>&lt;row&gt;</c> the reader is on, up to its end tag: for each <c>&lt;c&gt;</c>, its column
    /// (from its reference, else the one after the previous cell), its type and the text of its <c>&lt;v&gt;</c> or its
    /// inline string (the last one when a cell has several).
    /// </summary>
    /// <exception cref="System.Xml.XmlException">The row is not well-formed XML.</exception>
    public void Read(SheetXmlScanner xml)
    {
        Count = 0;
        _textLength = 0;
        CurrentColumn = -1;
        if (xml.IsEmptyElement) return;
        var depth = xml.Depth;
        var next = 0;
        while (xml.Read() && !(xml.Node == SheetXmlNode.EndElement && xml.Depth == depth))
        {
            if (xml.Node != SheetXmlNode.Element || !xml.IsLocalName("c"u8)) continue;
            var column = xml.TryGetAttribute("r"u8, out var reference) ? ExcelCells.ColumnIndex(reference) : -1;
            if (column < 0) column = next;
            next = column + 1;
            CurrentColumn = column;
            var cell = new RawCell { Column = column, Type = CellType(xml), Start = -1 };
            if (!xml.IsEmptyElement)
            {
                var cellDepth = xml.Depth;
                while (xml.Read() && !(xml.Node == SheetXmlNode.EndElement && xml.Depth == cellDepth))
                {
                    if (xml.Node != SheetXmlNode.Element) continue;
                    if (xml.IsLocalName("v"u8))
                    {
                        cell.Inline = null;
                        cell.Start = _textLength;
                        xml.AppendElementText(ref _text, ref _textLength);
                        cell.Length = _textLength - cell.Start;
                    }
                    else if (xml.IsLocalName("is"u8))
                    {
                        cell.Start = -1;
                        cell.Inline = ReadStringItem(xml);
                    }
                }
            }
            if (Count == _cells.Length) Array.Resize(ref _cells, Count * 2);
            _cells[Count++] = cell;
        }
        CurrentColumn = -1;
    }

    // The cell's t attribute, as one of the constants of the format (no string per cell); another value as read.
    private static string? CellType(SheetXmlScanner xml)
    {
        if (!xml.TryGetAttribute("t"u8, out var type)) return null;
        return type switch
        {
            "n" => "n",
            "s" => "s",
            "inlineStr" => "inlineStr",
            "str" => "str",
            "b" => "b",
            "e" => "e",
            "d" => "d",
            _ => type.ToString(),
        };
    }

    /// <summary>
    /// Reads an <c>&lt;si&gt;</c> or <c>&lt;is&gt;</c> string item the reader is on, leaving it on the item's end tag: plain
    /// <c>&lt;t&gt;</c>, or rich-text runs <c>&lt;r&gt;&lt;t/&gt;&lt;/r&gt;</c>; phonetic guides (<c>&lt;rPh&gt;</c>) are not part
    /// of the value.
    /// </summary>
    /// <exception cref="System.Xml.XmlException">The item is not well-formed XML.</exception>
    public static string ReadStringItem(SheetXmlScanner xml)
    {
        if (xml.IsEmptyElement) return "";
        var depth = xml.Depth;
        string? single = null;
        System.Text.StringBuilder? builder = null;
        while (xml.Read() && !(xml.Node == SheetXmlNode.EndElement && xml.Depth == depth))
        {
            if (xml.Node != SheetXmlNode.Element) continue;
            if (xml.IsLocalName("rPh"u8))
            {
                xml.Skip();
                continue;
            }
            if (!xml.IsLocalName("t"u8)) continue;
            var text = xml.ReadElementText();
            if (single is null && builder is null) single = text;
            else (builder ??= new System.Text.StringBuilder(single)).Append(text);
        }
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
