using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Compiled;

/// <summary>
/// The serialization metadata of <typeparamref name="T"/> for the options it was last asked with: a request path asks for
/// the same type with the same options on every request, and <see cref="JsonSerializerOptions.GetTypeInfo"/> is a
/// dictionary lookup each time. One read and one reference comparison instead; other options resolve (and are remembered)
/// as before. Only options that can no longer change (read-only) are remembered.
/// </summary>
/// <typeparam name="T">The type read or written.</typeparam>
internal static class JsonTypeInfoCache<T>
{
    private static Entry? s_last; // replaced whole: a reader sees a matching pair or none

    /// <summary>The metadata of <typeparamref name="T"/> in <paramref name="options"/>.</summary>
    /// <exception cref="NotSupportedException">The options have no metadata for <typeparamref name="T"/>.</exception>
    public static JsonTypeInfo<T> Get(JsonSerializerOptions options)
    {
        var last = s_last;
        if (last is not null && ReferenceEquals(last.Options, options)) return last.Info;
        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        if (options.IsReadOnly) s_last = new Entry(options, info);
        return info;
    }

    private sealed record Entry(JsonSerializerOptions Options, JsonTypeInfo<T> Info);
}
