using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace Compiled;

/// <summary>
/// Refuses JSON numbers beyond the range of a <see cref="double"/> (about ±1.8e308, such as <c>1e400</c>).
/// System.Text.Json reads them into a <c>double</c> or <c>float</c> as infinity; a run then computes with
/// infinity and its result cannot even be written back as JSON. No .NET number type the serializer reads
/// holds them, so a request that has one is malformed, whatever field it is in.
/// </summary>
internal static class JsonNumberRange
{
    // The largest integer part and exponent sum a double holds for sure: every number below 10^308 is finite.
    private const int SafeDigits = 308;

    /// <summary>
    /// Whether the JSON text <paramref name="json"/> may hold a number beyond a double's range: false when every number in it
    /// has at most 308 integer digits plus exponent (all below 10^308, so finite). One pass over the bytes with no tokenizing,
    /// so that an ordinary request is not read twice; when it is true, <see cref="Check"/> reads the value to know.
    /// Conservative: a long fraction, or digits before an <c>e</c> inside a string, also answer true.
    /// </summary>
    /// <param name="json">The raw text of one value of the body.</param>
    public static bool MayBeOutOfRange(ReadOnlySpan<byte> json)
    {
        // Most values: no exponent, and too short for a run of 309 digits. Nothing in them reaches 10^308.
        if (json.Length <= SafeDigits && !HasExponent(json)) return false;
        var run = 0; // digits since the last other byte
        var integer = 0; // the digits before the '.' of the number being read
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (IsDigit(b))
            {
                if (++run > SafeDigits) return true;
                continue;
            }

            if (b == (byte)'.')
            {
                integer = run;
                run = 0;
                continue;
            }

            if ((b | 0x20) == (byte)'e' && run > 0)
            {
                // 1.5e300: at most 10^(integer digits + exponent). A negative exponent only brings the number towards 0.
                var digits = integer > 0 ? integer : run;
                var j = i + 1;
                if (j < json.Length && json[j] == (byte)'+') j++;
                var exponent = 0;
                var negative = j < json.Length && json[j] == (byte)'-';
                if (negative) j++;
                for (; j < json.Length && IsDigit(json[j]) && exponent <= SafeDigits; j++) exponent = exponent * 10 + (json[j] - '0');
                if (!negative && digits + exponent > SafeDigits) return true;
                i = j - 1;
            }

            run = 0;
            integer = 0;
        }

        return false;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    // Whether a digit is followed by 'e' or 'E' anywhere (an exponent; or such bytes inside a string, which is conservative).
    // Sixteen byte pairs at a time: the bytes at i - 1 and at i, compared in two overlapping loads.
    private static bool HasExponent(ReadOnlySpan<byte> json)
    {
        var i = 1;
        if (Vector128.IsHardwareAccelerated && json.Length > Vector128<byte>.Count)
        {
            ref var start = ref MemoryMarshal.GetReference(json);
            var last = json.Length - Vector128<byte>.Count; // the last block ends on the last byte (it may overlap the one before)
            while (true)
            {
                var before = Vector128.LoadUnsafe(ref start, (nuint)(i - 1));
                var at = Vector128.LoadUnsafe(ref start, (nuint)i);
                var digit = Vector128.LessThanOrEqual(before - Vector128.Create((byte)'0'), Vector128.Create((byte)9));
                var exponent = Vector128.Equals(at | Vector128.Create((byte)0x20), Vector128.Create((byte)'e'));
                if ((digit & exponent) != Vector128<byte>.Zero) return true;
                if (i == last) return false;
                i = Math.Min(i + Vector128<byte>.Count, last);
            }
        }

        for (; i < json.Length; i++)
        {
            if (IsDigit(json[i - 1]) && (json[i] | 0x20) == (byte)'e') return true;
        }

        return false;
    }

    /// <summary>Checks every number of the value after <paramref name="reader"/> (a copy, on the input's property name).</summary>
    /// <param name="reader">A copy of the body's reader, on the input's property name; the caller's reader does not move.</param>
    /// <param name="input">The input's name: its path is <c>$.</c><paramref name="input"/>, such as <c>$.features</c>.</param>
    /// <exception cref="PipelineRequestException">A number is out of range; names its field.</exception>
    public static void Check(Utf8JsonReader reader, string input)
    {
        if (FindOutOfRange(reader, path: null) is null) return;
        var where = FindOutOfRange(reader, "$." + input)!;
        throw new PipelineRequestException(where,
            $"{where}: the number is out of range; JSON numbers here must lie within ±1.7976931348623157e308.");
    }

    // Null when every number is in range; otherwise the path of the first that is not (just the input's when path is null:
    // the first pass allocates nothing; the path is worked out only for a request that is refused).
    private static string? FindOutOfRange(Utf8JsonReader reader, string? path)
    {
        var startDepth = reader.CurrentDepth;
        var containers = path is null ? null : new List<(bool IsArray, string Path, int Count)>();
        var property = path;
        while (reader.Read())
        {
            var token = reader.TokenType;
            if (containers is { Count: > 0 } && containers[^1].IsArray && token is not (JsonTokenType.EndArray or JsonTokenType.Comment))
            {
                var array = containers[^1];
                containers[^1] = array with { Count = array.Count + 1 };
                property = JsonPath.Element(array.Path, array.Count);
            }

            switch (token)
            {
                case JsonTokenType.PropertyName when containers is not null:
                    var name = reader.GetString();
                    property = JsonPath.IsPlain(name) ? JsonPath.Property(containers[^1].Path, name!) : containers[^1].Path;
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    containers?.Add((token == JsonTokenType.StartArray, property!, 0));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    containers?.RemoveAt(containers.Count - 1);
                    break;
                case JsonTokenType.Number when !reader.TryGetDouble(out var number) || !double.IsFinite(number):
                    return property ?? "";
            }

            if (reader.CurrentDepth <= startDepth && token is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.Comment)) return null;
        }

        return null;
    }
}
