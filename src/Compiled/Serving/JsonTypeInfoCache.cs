using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Compiled;

/// <summary>
/// The serialization metadata of <typeparamref name="T"/> for the two options it was last asked with: a request path asks
/// for the same type with the same options on every request, and <see cref="JsonSerializerOptions.GetTypeInfo"/> is a
/// dictionary lookup each time. One read and one reference comparison instead (two when a process asks with two options,
/// as a remote pipeline's client and a silo in one process do: neither then pushes the other's entry out on every run);
/// other options resolve (and are remembered) as before. Only options that can no longer change (read-only) are remembered.
/// </summary>
/// <typeparam name="T">The type read or written.</typeparam>
internal static class JsonTypeInfoCache<T>
{
    // Each entry is replaced whole, so a reader sees a matching set or none; a new one moves the last to the second place.
    // An entry also holds what the request path asks of its metadata (plain number, direct converter), worked out once.
    private static Entry? s_last;
    private static Entry? s_before;

    /// <summary>The metadata of <typeparamref name="T"/> in <paramref name="options"/> if they are among the two options last asked with; else null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsonTypeInfo<T>? Last(JsonSerializerOptions options)
    {
        var last = s_last;
        if (last is not null && ReferenceEquals(last.Options, options)) return last.Info;
        var before = s_before;
        return before is not null && ReferenceEquals(before.Options, options) ? before.Info : null;
    }

    /// <summary>The metadata of <typeparamref name="T"/> in <paramref name="options"/>.</summary>
    /// <exception cref="NotSupportedException">The options have no metadata for <typeparamref name="T"/>.</exception>
    public static JsonTypeInfo<T> Get(JsonSerializerOptions options)
    {
        if (Last(options) is { } known) return known;
        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        if (options.IsReadOnly) (s_before, s_last) = (s_last, new Entry(options, info, FindIsPlainNumber(info), FindDirectConverter(info)));
        return info;
    }

    /// <summary>
    /// Whether <paramref name="info"/> writes a <see cref="double"/>, <see cref="int"/> or <see cref="long"/> exactly as
    /// <see cref="Utf8JsonWriter.WriteNumberValue(double)"/> does: the built-in converter, and number handling that neither
    /// writes numbers as strings nor names non-finite ones. Remembered with the metadata <see cref="Get"/> returned.
    /// </summary>
    public static bool IsPlainNumber(JsonTypeInfo<T> info)
    {
        if (typeof(T) != typeof(double) && typeof(T) != typeof(int) && typeof(T) != typeof(long)) return false;
        return Remembered(info) is { } entry ? entry.IsPlainNumber : FindIsPlainNumber(info);
    }

    /// <summary>
    /// The converter of <paramref name="info"/> when it is one of System.Text.Json's own (an object, collection, primitive or
    /// nullable converter), which reads exactly one value and can be called on the body's reader directly; null for an
    /// application's converter (the serializer checks that such a converter read one whole value, which a direct call would not).
    /// Remembered with the metadata <see cref="Get"/> returned.
    /// </summary>
    public static JsonConverter<T>? DirectConverter(JsonTypeInfo<T> info) =>
        Remembered(info) is { } entry ? entry.DirectConverter : FindDirectConverter(info);

    // The entry of metadata Get returned, if it is still remembered.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Entry? Remembered(JsonTypeInfo<T> info)
    {
        var last = s_last;
        if (last is not null && ReferenceEquals(last.Info, info)) return last;
        var before = s_before;
        return before is not null && ReferenceEquals(before.Info, info) ? before : null;
    }

    private static bool FindIsPlainNumber(JsonTypeInfo<T> info)
    {
        if (typeof(T) != typeof(double) && typeof(T) != typeof(int) && typeof(T) != typeof(long)) return false;
        var converter = typeof(T) == typeof(double) ? JsonMetadataServices.DoubleConverter
            : typeof(T) == typeof(int) ? JsonMetadataServices.Int32Converter
            : (JsonConverter)JsonMetadataServices.Int64Converter;
        const JsonNumberHandling notPlain = JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowNamedFloatingPointLiterals;
        return ReferenceEquals(info.Converter, converter) && ((info.NumberHandling ?? info.Options.NumberHandling) & notPlain) == 0;
    }

    private static JsonConverter<T>? FindDirectConverter(JsonTypeInfo<T> info) =>
        info.Converter is JsonConverter<T> typed && typed.GetType().Assembly == typeof(JsonSerializer).Assembly ? typed : null;

    private sealed record Entry(JsonSerializerOptions Options, JsonTypeInfo<T> Info, bool IsPlainNumber, JsonConverter<T>? DirectConverter);
}
