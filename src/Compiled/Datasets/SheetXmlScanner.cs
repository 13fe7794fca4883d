using System.Buffers;
using System.Text;
using System.Text.Unicode;
using System.Xml;

namespace Compiled.Datasets;

/// <summary>What <see cref="SheetXmlScanner"/> is on.</summary>
internal enum SheetXmlNode
{
    /// <summary>Nothing yet, or the end of the part.</summary>
    None,

    /// <summary>A start tag (or a self-closing element: <see cref="SheetXmlScanner.IsEmptyElement"/>).</summary>
    Element,

    /// <summary>An end tag.</summary>
    EndElement,

    /// <summary>Character data: text (whitespace too) or a CDATA section.</summary>
    Text,
}

/// <summary>
/// A forward-only reader of the XML of an xlsx part (a worksheet, the shared strings) straight over its UTF-8 bytes, for the
/// narrow grammar SpreadsheetML uses: elements matched on their local names, attributes on their qualified names, text and
/// CDATA, the five predefined entities and character references. Comments, processing instructions and the XML declaration
/// are skipped; a document type declaration is refused (as <see cref="DtdProcessing.Prohibit"/> does). A UTF-16 part is
/// transcoded first; a part declaring another encoding is refused (a package's XML parts are UTF-8 or UTF-16). It checks
/// what a well-formed part needs (tags closed in order, quoted attributes, known entities, valid UTF-8 in the text it
/// decodes) and throws <see cref="XmlException"/> naming the part and the byte offset otherwise.
/// </summary>
/// <remarks>
/// An <see cref="XmlReader"/> decodes every character into UTF-16 and makes a string per name and attribute value; a sheet
/// of tens of megabytes of XML spends most of its load there. This reader finds the markup with vectorized searches over
/// the bytes, and decodes only the values a load asks for. The current node's names, attributes and text are valid until
/// the next call that moves the reader.
/// </remarks>
internal sealed class SheetXmlScanner : IDisposable
{
    private const int InitialBuffer = 64 * 1024;
    private const int RecentStrings = 509;
    private const int MaxPooledLength = 32;

    private static readonly SearchValues<byte> TextSpecials = SearchValues.Create("&\r"u8);
    private static readonly SearchValues<byte> AttributeSpecials = SearchValues.Create("&\r\n\t"u8);
    private static readonly SearchValues<byte> TagSpecials = SearchValues.Create(">\"'"u8);
    private static readonly SearchValues<byte> NameEnds = SearchValues.Create(" \t\r\n/>=<\"'&"u8);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _part;
    private Stream _stream;
    private byte[] _buffer = new byte[InitialBuffer];
    private int _pos;       // the first byte not yet read (the start of the node being read, while it is)
    private int _end;       // the end of the bytes in the buffer
    private long _consumed; // the bytes of the part before _buffer[0]
    private bool _eof;

    private long _nodeOffset;
    private int _nameStart;
    private int _localStart;
    private int _nameEnd;
    private int _textStart;
    private int _textLength;
    private bool _cdata;
    private int _attributeCount;
    private int[] _attributes = new int[4 * 8]; // name start, name end, value start, value end

    private byte[] _openNames = new byte[256];
    private int[] _openNameEnds = new int[16];
    private int _open;
    private bool _rootClosed;

    private char[] _chars = new char[256];
    private readonly string?[] _recent = new string?[RecentStrings];

    /// <summary>Starts reading <paramref name="stream"/>, which the reader then owns.</summary>
    /// <param name="stream">The part's bytes.</param>
    /// <param name="part">The part's name, for errors.</param>
    /// <exception cref="XmlException">The part declares an encoding other than UTF-8 or UTF-16.</exception>
    public SheetXmlScanner(Stream stream, string part)
    {
        _stream = stream;
        _part = part;
        StartDocument();
    }

    /// <summary>What the reader is on.</summary>
    public SheetXmlNode Node { get; private set; }

    /// <summary>The depth of the current node: 0 for the root element and its end tag, one more for what is inside.</summary>
    public int Depth { get; private set; }

    /// <summary>Whether the current element is self-closing (<c>&lt;c r="A1"/&gt;</c>): no end tag follows.</summary>
    public bool IsEmptyElement { get; private set; }

    /// <summary>Whether the current element or end tag has the local name <paramref name="name"/> (its prefix ignored).</summary>
    public bool IsLocalName(ReadOnlySpan<byte> name) =>
        Node is SheetXmlNode.Element or SheetXmlNode.EndElement && _buffer.AsSpan(_localStart, _nameEnd - _localStart).SequenceEqual(name);

    /// <summary>Moves to the next element, end tag or text; false at the end of the part.</summary>
    /// <exception cref="XmlException">The part is not well-formed there.</exception>
    public bool Read()
    {
        _attributeCount = 0;
        while (true)
        {
            _nodeOffset = _consumed + _pos;
            if (_pos == _end && !Fill())
            {
                if (_open > 0) throw Error($"the part ends inside <{OpenName()}>");
                if (!_rootClosed) throw Error("the part has no root element");
                Node = SheetXmlNode.None;
                return false;
            }
            if (_buffer[_pos] != (byte)'<')
            {
                ReadText();
                if (_open > 0) return true;
                if (_buffer.AsSpan(_textStart, _textLength).IndexOfAnyExcept(" \t\r\n"u8) >= 0) throw Error("there is text outside the root element");
                continue;
            }
            if (!Ensure(2)) throw Error("the part ends inside markup");
            switch (_buffer[_pos + 1])
            {
                case (byte)'/':
                    ReadEndTag();
                    return true;
                case (byte)'?':
                    SkipPast("?>"u8, 2, "a processing instruction");
                    continue;
                case (byte)'!' when StartsWith("<!--"u8):
                    SkipPast("-->"u8, 4, "a comment");
                    continue;
                case (byte)'!' when StartsWith("<![CDATA["u8):
                    ReadCData();
                    return true;
                case (byte)'!':
                    throw Error("the part has a document type declaration or other markup a sheet part never has (DTDs are not processed)");
                default:
                    ReadStartTag();
                    return true;
            }
        }
    }

    /// <summary>
    /// Finds attribute <paramref name="name"/> (a qualified name) of the current element and decodes its value (entities
    /// replaced, whitespace normalized as XML says); the value is valid until the next call.
    /// </summary>
    /// <exception cref="XmlException">The value has an unknown entity or is not UTF-8.</exception>
    public bool TryGetAttribute(ReadOnlySpan<byte> name, out ReadOnlySpan<char> value)
    {
        for (var i = 0; i < _attributeCount * 4; i += 4)
        {
            if (!_buffer.AsSpan(_attributes[i], _attributes[i + 1] - _attributes[i]).SequenceEqual(name)) continue;
            var length = 0;
            Decode(_buffer.AsSpan(_attributes[i + 2], _attributes[i + 3] - _attributes[i + 2]), entities: true, attribute: true, ref _chars, ref length);
            value = _chars.AsSpan(0, length);
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>
    /// Appends the text of the current element (its text and CDATA, comments skipped) to <paramref name="buffer"/> and leaves
    /// the reader on its end tag (on the element itself when it is self-closing).
    /// </summary>
    /// <exception cref="XmlException">The element has an element inside, or the part is not well-formed.</exception>
    public void AppendElementText(ref char[] buffer, ref int length)
    {
        if (IsEmptyElement) return;
        var depth = Depth;
        while (Read())
        {
            switch (Node)
            {
                case SheetXmlNode.Text:
                    Decode(_buffer.AsSpan(_textStart, _textLength), entities: !_cdata, attribute: false, ref buffer, ref length);
                    break;
                case SheetXmlNode.EndElement when Depth == depth:
                    return;
                default:
                    throw Error($"an element <{Encoding.UTF8.GetString(_buffer.AsSpan(_nameStart, _nameEnd - _nameStart))}> is inside an element that holds only text");
            }
        }
    }

    /// <summary>
    /// The text of the current element, as <see cref="AppendElementText"/> reads it. A short text equal to one read recently
    /// is that same string: a column's repeated values (<c>t</c>/<c>f</c>, a category, a vendor) do not each allocate.
    /// </summary>
    public string ReadElementText()
    {
        var length = 0;
        AppendElementText(ref _chars, ref length);
        if (length == 0) return "";
        var text = _chars.AsSpan(0, length);
        if (length > MaxPooledLength) return text.ToString();
        var slot = (int)((uint)string.GetHashCode(text) % (uint)_recent.Length);
        if (_recent[slot] is { } recent && text.SequenceEqual(recent)) return recent;
        return _recent[slot] = text.ToString();
    }

    /// <summary>Skips what the current element holds and leaves the reader on its end tag (on the element when it is self-closing).</summary>
    public void Skip()
    {
        if (Node != SheetXmlNode.Element || IsEmptyElement) return;
        var depth = Depth;
        while (Read() && !(Node == SheetXmlNode.EndElement && Depth == depth))
        {
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private void StartDocument()
    {
        Ensure(4);
        var start = _buffer.AsSpan(_pos, _end - _pos);
        Encoding? wide = start switch
        {
            [0xFF, 0xFE, ..] or [0x3C, 0x00, 0x3F, 0x00, ..] => Encoding.Unicode,
            [0xFE, 0xFF, ..] or [0x00, 0x3C, 0x00, 0x3F, ..] => Encoding.BigEndianUnicode,
            _ => null,
        };
        if (wide is not null)
        {
            // A UTF-16 part (rare, but allowed by the package format): read as the UTF-8 it transcodes to.
            var whole = new MemoryStream();
            whole.Write(_buffer, _pos, _end - _pos);
            _stream.CopyTo(whole);
            _stream.Dispose();
            whole.Position = 0;
            _stream = Encoding.CreateTranscodingStream(whole, wide, Encoding.UTF8);
            _pos = _end = 0;
            Ensure(4);
        }
        if (_buffer.AsSpan(_pos, _end - _pos).StartsWith("\uFEFF"u8)) _pos += 3;
        if (!StartsWith("<?xml"u8)) return;
        var close = Find("?>"u8, 5);
        if (close < 0) throw Error("the XML declaration is not closed");
        var declaration = _buffer.AsSpan(_pos, close);
        var at = declaration.IndexOf("encoding"u8);
        if (at < 0) return;
        var rest = declaration[(at + 8)..].TrimStart(" \t\r\n="u8);
        if (rest.IsEmpty || rest[0] is not ((byte)'"' or (byte)'\'')) return;
        var end = rest[1..].IndexOf(rest[0]);
        if (end < 0) return;
        var encoding = Encoding.ASCII.GetString(rest.Slice(1, end)).ToLowerInvariant();
        if (encoding is not ("utf-8" or "utf8" or "us-ascii" or "ascii" or "utf-16" or "utf-16le" or "utf-16be" or "unicode"))
            throw Error($"the part declares the encoding '{encoding}'; the XML parts of an xlsx package are UTF-8 or UTF-16");
    }

    private void ReadText()
    {
        var length = Find("<"u8, 0);
        if (length < 0) length = _end - _pos;
        Node = SheetXmlNode.Text;
        Depth = _open;
        _textStart = _pos;
        _textLength = length;
        _cdata = false;
        _pos += length;
    }

    private void ReadCData()
    {
        if (_open == 0) throw Error("a CDATA section is outside the root element");
        var close = Find("]]>"u8, 9);
        if (close < 0) throw Error("a CDATA section is not closed");
        Node = SheetXmlNode.Text;
        Depth = _open;
        _textStart = _pos + 9;
        _textLength = close - 9;
        _cdata = true;
        _pos += close + 3;
    }

    private void SkipPast(ReadOnlySpan<byte> terminator, int offset, string what)
    {
        var at = Find(terminator, offset);
        if (at < 0) throw Error($"{what} is not closed");
        _pos += at + terminator.Length;
    }

    private void ReadEndTag()
    {
        var close = Find(">"u8, 2);
        if (close < 0) throw Error("the part ends inside an end tag");
        _nameStart = _pos + 2;
        _nameEnd = _nameStart + _buffer.AsSpan(_nameStart, close - 2).TrimEnd(" \t\r\n"u8).Length;
        SetLocalName();
        var name = _buffer.AsSpan(_nameStart, _nameEnd - _nameStart);
        if (_open == 0) throw Error($"the end tag </{Encoding.UTF8.GetString(name)}> closes no element");
        var openStart = _open == 1 ? 0 : _openNameEnds[_open - 2];
        if (!name.SequenceEqual(_openNames.AsSpan(openStart, _openNameEnds[_open - 1] - openStart)))
            throw Error($"the end tag </{Encoding.UTF8.GetString(name)}> does not close <{OpenName()}>");
        _open--;
        if (_open == 0) _rootClosed = true;
        Node = SheetXmlNode.EndElement;
        Depth = _open;
        IsEmptyElement = false;
        _pos += close + 1;
    }

    private void ReadStartTag()
    {
        if (_rootClosed && _open == 0) throw Error("there is a second root element");
        var close = FindTagEnd();
        var tag = _buffer.AsSpan(_pos, close + 1);
        var i = 1 + NameLength(tag[1..]);
        if (i == 1) throw Error("a tag has no name");
        _nameStart = _pos + 1;
        _nameEnd = _pos + i;
        SetLocalName();
        var empty = false;
        while (true)
        {
            i = SkipSpace(tag, i);
            if (tag[i] == (byte)'>') break;
            if (tag[i] == (byte)'/')
            {
                if (i != close - 1) throw Error("a '/' in a tag is not followed by '>'");
                empty = true;
                break;
            }
            var nameLength = NameLength(tag[i..]);
            if (nameLength == 0) throw Error($"a tag has '{(char)tag[i]}' where an attribute name belongs");
            var nameStart = i;
            i = SkipSpace(tag, i + nameLength);
            if (tag[i] != (byte)'=') throw Error("an attribute has no '=' and value");
            i = SkipSpace(tag, i + 1);
            var quote = tag[i];
            if (quote is not ((byte)'"' or (byte)'\'')) throw Error("an attribute value is not quoted");
            var valueLength = tag[(i + 1)..].IndexOf(quote);
            if (valueLength < 0) throw Error("an attribute value is not closed");
            var valueEnd = i + 1 + valueLength;
            if (tag[(i + 1)..valueEnd].Contains((byte)'<')) throw Error("an attribute value has a '<'");
            AddAttribute(_pos + nameStart, _pos + nameStart + nameLength, _pos + i + 1, _pos + valueEnd);
            i = valueEnd + 1;
            if (tag[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'/' or (byte)'>'))
                throw Error("attributes are not separated by whitespace");
        }
        Node = SheetXmlNode.Element;
        Depth = _open;
        IsEmptyElement = empty;
        if (!empty) PushOpenName(tag[1..(_nameEnd - _pos)]);
        else if (_open == 0) _rootClosed = true;
        _pos += close + 1;
    }

    private void AddAttribute(int nameStart, int nameEnd, int valueStart, int valueEnd)
    {
        var name = _buffer.AsSpan(nameStart, nameEnd - nameStart);
        for (var k = 0; k < _attributeCount * 4; k += 4)
        {
            if (_buffer.AsSpan(_attributes[k], _attributes[k + 1] - _attributes[k]).SequenceEqual(name))
                throw Error($"the attribute '{Encoding.UTF8.GetString(name)}' is repeated");
        }
        if (_attributes.Length == _attributeCount * 4) Array.Resize(ref _attributes, _attributes.Length * 2);
        var at = _attributeCount++ * 4;
        _attributes[at] = nameStart;
        _attributes[at + 1] = nameEnd;
        _attributes[at + 2] = valueStart;
        _attributes[at + 3] = valueEnd;
    }

    private void SetLocalName()
    {
        var colon = _buffer.AsSpan(_nameStart, _nameEnd - _nameStart).IndexOf((byte)':');
        _localStart = colon < 0 ? _nameStart : _nameStart + colon + 1;
    }

    private void PushOpenName(ReadOnlySpan<byte> name)
    {
        var start = _open == 0 ? 0 : _openNameEnds[_open - 1];
        if (_openNames.Length < start + name.Length) Array.Resize(ref _openNames, Math.Max(_openNames.Length * 2, start + name.Length));
        if (_openNameEnds.Length == _open) Array.Resize(ref _openNameEnds, _open * 2);
        name.CopyTo(_openNames.AsSpan(start));
        _openNameEnds[_open++] = start + name.Length;
    }

    private string OpenName()
    {
        var start = _open == 1 ? 0 : _openNameEnds[_open - 2];
        return Encoding.UTF8.GetString(_openNames, start, _openNameEnds[_open - 1] - start);
    }

    private static int NameLength(ReadOnlySpan<byte> span)
    {
        var end = span.IndexOfAny(NameEnds);
        return end < 0 ? span.Length : end;
    }

    private static int SkipSpace(ReadOnlySpan<byte> tag, int i)
    {
        while (tag[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return i;
    }

    // The offset from _pos of the '>' that ends the tag at _pos ('>' may stand inside a quoted attribute value).
    private int FindTagEnd()
    {
        var i = 1;
        byte quote = 0;
        while (true)
        {
            var rest = _buffer.AsSpan(_pos + i, _end - _pos - i);
            var found = quote == 0 ? rest.IndexOfAny(TagSpecials) : rest.IndexOf(quote);
            if (found < 0)
            {
                i = _end - _pos;
                if (!Fill()) throw Error("the part ends inside a tag");
                continue;
            }
            i += found;
            var b = _buffer[_pos + i];
            if (quote != 0) quote = 0;
            else if (b == (byte)'>') return i;
            else quote = b;
            i++;
        }
    }

    // The offset from _pos of the first `value` at or after _pos + offset, reading more of the part as needed; -1 when the
    // part ends first.
    private int Find(ReadOnlySpan<byte> value, int offset)
    {
        while (true)
        {
            var found = _buffer.AsSpan(_pos + offset, _end - _pos - offset).IndexOf(value);
            if (found >= 0) return offset + found;
            offset = Math.Max(offset, _end - _pos - value.Length + 1);
            if (!Fill()) return -1;
        }
    }

    private bool StartsWith(ReadOnlySpan<byte> value) => Ensure(value.Length) && _buffer.AsSpan(_pos).StartsWith(value);

    private bool Ensure(int count)
    {
        while (_end - _pos < count)
        {
            if (!Fill()) return false;
        }
        return true;
    }

    // Reads more of the part, keeping the bytes from _pos on (moved to the start of the buffer, which grows when they fill it).
    private bool Fill()
    {
        if (_eof) return false;
        if (_pos > 0)
        {
            _buffer.AsSpan(_pos, _end - _pos).CopyTo(_buffer);
            _consumed += _pos;
            _end -= _pos;
            _pos = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return false;
        }
        _end += read;
        return true;
    }

    // Appends the characters `raw` stands for: UTF-8 decoded, entities and character references replaced (not in CDATA),
    // line ends normalized to '\n', and in an attribute value tabs and line ends to spaces.
    private void Decode(ReadOnlySpan<byte> raw, bool entities, bool attribute, ref char[] destination, ref int length)
    {
        if (destination.Length - length < raw.Length) Array.Resize(ref destination, Math.Max(destination.Length * 2, length + raw.Length));
        var specials = attribute ? AttributeSpecials : TextSpecials;
        while (!raw.IsEmpty)
        {
            var special = raw.IndexOfAny(specials);
            var plain = special < 0 ? raw : raw[..special];
            if (Utf8.ToUtf16(plain, destination.AsSpan(length), out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
                throw Error("the text is not valid UTF-8");
            length += written;
            if (special < 0) return;
            var b = raw[special];
            raw = raw[(special + 1)..];
            switch (b)
            {
                case (byte)'&' when entities:
                    raw = raw[Entity(raw, destination, ref length)..];
                    break;
                case (byte)'&':
                    destination[length++] = '&';
                    break;
                case (byte)'\r':
                    if (!raw.IsEmpty && raw[0] == (byte)'\n') raw = raw[1..];
                    destination[length++] = attribute ? ' ' : '\n';
                    break;
                default: // '\n' or '\t' in an attribute value
                    destination[length++] = ' ';
                    break;
            }
        }
    }

    // Writes the character of the entity or character reference `raw` starts with (after its '&'); returns its length with the ';'.
    private int Entity(ReadOnlySpan<byte> raw, char[] destination, ref int length)
    {
        var end = raw[..Math.Min(raw.Length, 12)].IndexOf((byte)';');
        if (end < 0) throw Error("a '&' starts no entity (write '&amp;' for the character)");
        var name = raw[..end];
        char? named = name switch
        {
            [(byte)'a', (byte)'m', (byte)'p'] => '&',
            [(byte)'l', (byte)'t'] => '<',
            [(byte)'g', (byte)'t'] => '>',
            [(byte)'q', (byte)'u', (byte)'o', (byte)'t'] => '"',
            [(byte)'a', (byte)'p', (byte)'o', (byte)'s'] => '\'',
            _ => null,
        };
        if (named is { } c)
        {
            destination[length++] = c;
            return end + 1;
        }
        if (name is not [(byte)'#', ..]) throw Error($"'&{Encoding.UTF8.GetString(name)};' is not an entity XML defines (a DTD's entities are not read)");
        var hex = name is [_, (byte)'x', ..];
        var digits = name[(hex ? 2 : 1)..];
        var style = hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None;
        if (!int.TryParse(digits, style, System.Globalization.CultureInfo.InvariantCulture, out var code) || !IsXmlChar(code))
            throw Error($"'&{Encoding.UTF8.GetString(name)};' is not a character XML allows");
        length += new Rune(code).EncodeToUtf16(destination.AsSpan(length));
        return end + 1;
    }

    private static bool IsXmlChar(int code) =>
        code is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    private XmlException Error(string problem) => new($"{problem} ({_part}, byte {_nodeOffset:N0}).");
}
