using System.Text.Json;

namespace Compiled;

/// <summary>
/// A run's parameters record as JSON, with the name of its type, so that where it runs a record of another
/// project is refused by name instead of being read as something it is not.
/// </summary>
/// <param name="TypeName">The record's full type name, such as <c>Spaceflights.SpaceflightsParameters</c>; empty for none.</param>
/// <param name="Json">The record as JSON; empty for none (the session's parameters apply).</param>
public sealed record RemoteParameters(string TypeName, ReadOnlyMemory<byte> Json)
{
    /// <summary>No parameters record: the run uses the parameters of the session it runs on.</summary>
    public static RemoteParameters None { get; } = new("", ReadOnlyMemory<byte>.Empty);

    /// <summary>Whether a record is given.</summary>
    public bool IsNone => Json.IsEmpty;

    /// <summary>Writes <paramref name="parameters"/> with the metadata of <paramref name="options"/>; <see cref="None"/> for null.</summary>
    /// <typeparam name="T">The project's parameters record.</typeparam>
    /// <param name="options">The options whose resolver has metadata for <typeparamref name="T"/>.</param>
    /// <param name="parameters">The record, or null.</param>
    /// <exception cref="InvalidOperationException">The options have no metadata for <typeparamref name="T"/>; says how to add it.</exception>
    public static RemoteParameters Create<T>(JsonSerializerOptions options, T? parameters) where T : class =>
        parameters is null ? None : new(typeof(T).FullName!, JsonSerializer.SerializeToUtf8Bytes(parameters, RemoteJson.TypeInfo<T>(options)));
}
