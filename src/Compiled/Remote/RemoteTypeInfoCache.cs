using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Compiled;

/// <summary>
/// The serialization metadata of <typeparamref name="T"/> for the options a remote pipeline's client last asked with (one
/// read and one reference comparison instead of the options' dictionary per value), kept apart from the serving path's
/// <see cref="JsonTypeInfoCache{T}"/>: a process that is both a client and a silo (a local or test cluster) asks for the same
/// types with the client's options and the silo's, and one shared entry would be replaced by the other side's on every run.
/// Only options that can no longer change (read-only) are remembered.
/// </summary>
/// <typeparam name="T">The type written or read.</typeparam>
internal static class RemoteTypeInfoCache<T>
{
    private static Entry? s_last; // replaced whole: a reader sees a matching pair or none

    /// <summary>The metadata of <typeparamref name="T"/> in <paramref name="options"/>.</summary>
    /// <exception cref="NotSupportedException">The options have no metadata for <typeparamref name="T"/>.</exception>
    public static JsonTypeInfo<T> Get(JsonSerializerOptions options)
    {
        var last = s_last;
        if (last is not null && ReferenceEquals(last.Options, options)) return last.Info;
        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        if (options.IsReadOnly) s_last = new Entry(options, info, JsonTypeInfoCache<T>.IsPlainNumber(info));
        return info;
    }

    /// <summary>
    /// Whether <paramref name="info"/> reads and writes a <see cref="double"/>, <see cref="int"/> or <see cref="long"/> as a plain
    /// JSON number (<see cref="JsonTypeInfoCache{T}.IsPlainNumber"/>), remembered with the metadata <see cref="Get"/> returned.
    /// </summary>
    public static bool IsPlainNumber(JsonTypeInfo<T> info)
    {
        var last = s_last;
        return last is not null && ReferenceEquals(last.Info, info) ? last.IsPlainNumber : JsonTypeInfoCache<T>.IsPlainNumber(info);
    }

    private sealed record Entry(JsonSerializerOptions Options, JsonTypeInfo<T> Info, bool IsPlainNumber);
}
