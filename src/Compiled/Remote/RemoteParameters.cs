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

    /// <summary>Writes <paramref name="parameters"/> with its generated JSON members; <see cref="None"/> for null.</summary>
    /// <typeparam name="T">The project's parameters record.</typeparam>
    /// <param name="options">The options whose resolver has metadata for the types of the record's values.</param>
    /// <param name="parameters">The record, or null.</param>
    /// <exception cref="InvalidOperationException">The options have no metadata for a value's type; names it and says how to add it.</exception>
    public static RemoteParameters Create<T>(JsonSerializerOptions options, T? parameters) where T : class, IRemoteParameters<T>
    {
        ArgumentNullException.ThrowIfNull(options);
        if (parameters is null) return None;
        var json = ReusableJsonWriter.Rent();
        T.WriteRemoteJson(json.Writer, parameters, options);
        return new(typeof(T).FullName!, json.ToArrayAndReturn());
    }

    /// <summary>
    /// The record for a run of a pipeline of project <typeparamref name="T"/>, as <see cref="PipelineRequest.ReadParameters{T}"/>
    /// and <see cref="RemoteRunArguments.ReadParameters{T}"/> read it: another project's record, or JSON of another build, is
    /// the caller's error.
    /// </summary>
    /// <typeparam name="T">The project's parameters record.</typeparam>
    /// <param name="options">The options whose resolver has metadata for the types of the record's values.</param>
    /// <exception cref="PipelineRequestException">The record is of another type, or its JSON is not a <typeparamref name="T"/>; names both records.</exception>
    internal T ReadRecord<T>(JsonSerializerOptions options) where T : class, IRemoteParameters<T>
    {
        var expected = typeof(T).FullName!;
        if (!string.Equals(TypeName, expected, StringComparison.Ordinal))
        {
            throw new PipelineRequestException("parameters",
                $"parameters: the run was given a {TypeName} record, but the pipeline takes {expected} (the parameters of its own project); " +
                "pass the parameters of the project the pipeline belongs to.");
        }

        try
        {
            return Read<T>(options);
        }
        catch (JsonException exception)
        {
            throw new PipelineRequestException("parameters",
                $"parameters: the JSON of the {expected} record does not match this build of it ({JsonInputError.WithoutPosition(exception.Message)}); deploy the same build everywhere.",
                exception);
        }
    }

    /// <summary>Reads the record; the caller checked <see cref="TypeName"/>.</summary>
    /// <typeparam name="T">The project's parameters record.</typeparam>
    /// <param name="options">The options whose resolver has metadata for the types of the record's values.</param>
    /// <exception cref="JsonException">The JSON is not a <typeparamref name="T"/> of this build.</exception>
    private T Read<T>(JsonSerializerOptions options) where T : class, IRemoteParameters<T>
    {
        var reader = new Utf8JsonReader(Json.Span);
        var value = T.ReadRemoteJson(ref reader, options);
        if (reader.Read()) throw new JsonException("Unexpected data after the end of the record.");
        return value;
    }
}
