using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Compiled;

/// <summary>
/// One request to run a pipeline, as a host received it: a JSON body with the runtime inputs, parameter
/// overrides, runtime values, the run id, and where to write the result. The generated
/// <see cref="IPipelineContract{TSelf}.RunRequestAsync"/> reads it with the methods below; every problem
/// with the request is a <see cref="PipelineRequestException"/> naming the field, thrown before any node runs.
/// </summary>
/// <remarks>
/// All JSON goes through <see cref="JsonOptions"/> and the metadata its resolver provides (for example a
/// source-generated <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> listing the runtime
/// input and output types): no reflection, so it works in trimmed and native AOT applications.
/// </remarks>
public sealed class PipelineRequest
{
    private static readonly IReadOnlyDictionary<string, string?> NoRuntimeValues = new Dictionary<string, string?>();
    private static readonly SearchValues<byte> JsonWhitespace = SearchValues.Create(" \t\r\n"u8);

    private readonly JsonSerializerOptions? _inputJsonOptions;
    private readonly JsonReaderOptions _readerOptions; // of InputJsonOptions, worked out once per request, not per reader
    private readonly ReadOnlyMemory<byte> _singleSegment; // the body when it is one segment (almost every body): read as a span
    private readonly bool _isSingleSegment;

    /// <summary>Creates a request.</summary>
    /// <param name="body">The request body: a JSON object with one property per runtime input (empty when the pipeline takes none).</param>
    /// <param name="response">Where the result is written: a JSON object with one property per output.</param>
    /// <param name="jsonOptions">The options (and metadata) inputs are read and outputs written with.</param>
    /// <param name="runId">The id of the run this request starts; null for a new unique one, named by the session as for a local run.</param>
    public PipelineRequest(ReadOnlySequence<byte> body, Utf8JsonWriter response, JsonSerializerOptions jsonOptions, string? runId)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(jsonOptions);
        if (runId is not null) ArgumentException.ThrowIfNullOrEmpty(runId);
        Body = body;
        Response = response;
        JsonOptions = jsonOptions;
        RunId = runId;
        _readerOptions = ReaderOptions(jsonOptions);
        _isSingleSegment = body.IsSingleSegment;
        if (_isSingleSegment) _singleSegment = body.First;
    }

    /// <summary>The request body.</summary>
    public ReadOnlySequence<byte> Body { get; }

    /// <summary>Where the result is written.</summary>
    public Utf8JsonWriter Response { get; }

    /// <summary>The options outputs are written with, and inputs read with unless <see cref="InputJsonOptions"/> is set.</summary>
    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>
    /// The options runtime inputs are read with: <see cref="JsonOptions"/> unless set. A host sets stricter options
    /// here (<c>Compiled.Hosting</c> refuses unknown and missing members by default) without changing how results are written.
    /// Their reader settings (trailing commas, comments, maximum depth) are taken when the request is created.
    /// </summary>
    public JsonSerializerOptions InputJsonOptions
    {
        get => _inputJsonOptions ?? JsonOptions;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _inputJsonOptions = value;
            _readerOptions = ReaderOptions(value);
        }
    }

    /// <summary>The id of the run this request starts; null when the session names it.</summary>
    public string? RunId { get; }

    /// <summary>Parameter overrides for this run, <c>path=value</c> as Kedro's <c>--params</c> takes them (<c>model_options.test_size=0.3</c>).</summary>
    public IReadOnlyList<string> ParameterOverrides { get; init; } = [];

    /// <summary>
    /// A whole parameters record for this run, as JSON (a remote run's typed parameters); <see cref="RemoteParameters.None"/>
    /// for the session's. <see cref="ParameterOverrides"/> apply on top of it.
    /// </summary>
    public RemoteParameters Parameters { get; init; } = RemoteParameters.None;

    /// <summary>Values of the pipeline's <c>${runtime:…}</c> placeholders, by name.</summary>
    public IReadOnlyDictionary<string, string?> RuntimeValues { get; init; } = NoRuntimeValues;

    /// <summary>Starts reading the body, which must be a JSON object; positions <c>reader</c> on its start.</summary>
    /// <param name="inputs">The pipeline's runtime inputs, named in the error when the body is not an object.</param>
    /// <exception cref="PipelineRequestException">The body is empty, not JSON, or not an object.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // the reader is made in the caller's frame, not made and copied twice
    public Utf8JsonReader StartBody(IReadOnlyList<PipelineField> inputs)
    {
        // Made in place (one reader, not a temporary copied into it): over the span when the body is one segment.
        Utf8JsonReader reader;
        if (_isSingleSegment) reader = new Utf8JsonReader(_singleSegment.Span, _readerOptions);
        else reader = new Utf8JsonReader(Body, _readerOptions);
        if (!ReadFirst(ref reader) || reader.TokenType != JsonTokenType.StartObject) throw NotAnObject(reader.TokenType, inputs);
        return reader;
    }

    /// <summary>
    /// Moves to the next property of the body: true with <c>reader</c> on its name, or false at the end of the
    /// object (after checking that nothing follows it).
    /// </summary>
    /// <param name="reader">The reader <see cref="StartBody"/> returned.</param>
    /// <exception cref="PipelineRequestException">The body is not valid JSON.</exception>
    public bool NextInput(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        if (reader.TokenType == JsonTokenType.PropertyName) return true;
        // The end of the object: nothing may follow. Bytes that are all whitespace (or none) are that, without another Read.
        if ((!_isSingleSegment || _singleSegment.Span[(int)reader.BytesConsumed..].ContainsAnyExcept(JsonWhitespace)) && Read(ref reader))
        {
            throw new PipelineRequestException("$", "$: unexpected data after the end of the JSON object.");
        }

        return false;
    }

    /// <summary>Reads the value of runtime input <paramref name="name"/>, on whose property name <paramref name="reader"/> is.</summary>
    /// <typeparam name="T">The input's type.</typeparam>
    /// <param name="reader">The body's reader, on the input's property name.</param>
    /// <param name="name">The input's name (its property name).</param>
    /// <param name="nullable">Whether JSON <c>null</c> is a valid value.</param>
    /// <param name="seen">Whether the input was read already; set to true.</param>
    /// <exception cref="PipelineRequestException">
    /// The input is given twice, is null where it may not be, is not a <typeparamref name="T"/> (a member unknown,
    /// missing, repeated or null, a value of the wrong kind), or holds a number beyond the range of a <see cref="double"/>;
    /// names the innermost field and says what JSON is expected there, never a .NET type name.
    /// </exception>
    /// <exception cref="InvalidOperationException"><see cref="JsonOptions"/> has no metadata for <typeparamref name="T"/>.</exception>
    public T ReadInput<T>(ref Utf8JsonReader reader, string name, bool nullable, ref bool seen)
    {
        // The field's path ($.name) is built only for an error: a request that is read allocates no string of its own.
        if (seen) throw new PipelineRequestException("$." + name, $"$.{name}: given twice.");
        seen = true;
        var typeInfo = TypeInfo<T>(InputJsonOptions);
        var start = reader.BytesConsumed; // the reader is found again there for an error, not copied for every request
        if (JsonTypeInfoCache<T>.DirectConverter(typeInfo) is not { } converter || !TryReadDirect(ref reader, converter, typeInfo.Options, out var value))
        {
            value = ReadSerialized(ref reader, start, name, typeInfo);
        }

        if (value is null && !nullable)
        {
            throw new PipelineRequestException("$." + name, $"$.{name}: must not be null; expected {JsonKind.Describe(typeInfo)}.");
        }

        // The value's own bytes: re-read only when they may hold a number a double cannot (such as 1e400).
        if (!_isSingleSegment || JsonNumberRange.MayBeOutOfRange(_singleSegment.Span[(int)start..(int)reader.BytesConsumed]))
        {
            CheckRange(start, name);
        }

        return value!;
    }

    /// <summary>The error for a body property that names no runtime input; <paramref name="reader"/> is on its name.</summary>
    /// <param name="reader">The body's reader, on the unknown property's name.</param>
    /// <param name="inputs">The pipeline's runtime inputs, listed in the message.</param>
    public PipelineRequestException UnknownInput(ref Utf8JsonReader reader, IReadOnlyList<PipelineField> inputs)
    {
        var name = reader.GetString();
        if (!JsonPath.IsPlain(name))
        {
            return new PipelineRequestException("$",
                $"$: has a property that names no runtime input (its name is not repeated: it is not only letters, digits, '_' and '-'); the pipeline takes {Describe(inputs)}.");
        }

        var field = "$." + name;
        return new PipelineRequestException(field, $"{field}: the pipeline has no runtime input of that name; it takes {Describe(inputs)}.");
    }

    /// <summary>The error for a required runtime input the body does not have.</summary>
    /// <param name="name">The input's name.</param>
    public PipelineRequestException MissingInput(string name) =>
        new("$." + name, $"$.{name}: required; the body has no property '{name}'.");

    /// <summary>Checks that a pipeline without runtime inputs got none: the body is empty or <c>{}</c>.</summary>
    /// <exception cref="PipelineRequestException">The body has content other than an empty object.</exception>
    public void ReadNoInputs()
    {
        var reader = CreateReader();
        if (!ReadFirst(ref reader)) return;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new PipelineRequestException("$", $"$: the pipeline takes no runtime inputs; send no body or {{}}, not {Describe(reader.TokenType)}.");
        }

        if (NextInput(ref reader)) throw UnknownInput(ref reader, []);
    }

    /// <summary>The runtime value <paramref name="name"/>, which the request must supply.</summary>
    /// <param name="name">The name in <c>${runtime:name}</c>.</param>
    /// <exception cref="PipelineRequestException">The request does not supply it.</exception>
    public string RequireRuntimeValue(string name) =>
        RuntimeValues.TryGetValue(name, out var value) && value is not null
            ? value
            : throw new PipelineRequestException(name, $"{name}: the runtime value '{name}' is required (the catalog uses ${{runtime:{name}}} without a default).");

    /// <summary>The runtime value <paramref name="name"/>, or null (its default applies) when the request does not supply it.</summary>
    /// <param name="name">The name in <c>${runtime:name}</c>.</param>
    public string? GetRuntimeValue(string name) => RuntimeValues.TryGetValue(name, out var value) ? value : null;

    /// <summary>The run's parameters record from <see cref="Parameters"/>, or null when the request has none.</summary>
    /// <typeparam name="T">The project's parameters record.</typeparam>
    /// <exception cref="PipelineRequestException">
    /// The record is of another type (another project's parameters, or another version of this project's), or its JSON
    /// is not a <typeparamref name="T"/>; names both records.
    /// </exception>
    /// <exception cref="InvalidOperationException"><see cref="JsonOptions"/> has no metadata for the type of one of the record's values.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a request without a record (most) pays one test, not a call
    public T? ReadParameters<T>() where T : class, IRemoteParameters<T> => Parameters.IsNone ? null : Parameters.ReadRecord<T>(JsonOptions);

    /// <summary>Writes output <paramref name="name"/> as a property of the result object.</summary>
    /// <typeparam name="T">The output's type.</typeparam>
    /// <param name="name">The output's name (its property name).</param>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidOperationException"><see cref="JsonOptions"/> has no metadata for <typeparamref name="T"/>.</exception>
    public void WriteOutput<T>(string name, T value)
    {
        Response.WritePropertyName(name);
        JsonSerializer.Serialize(Response, value, TypeInfo<T>(JsonOptions));
    }

    /// <summary>
    /// Writes <paramref name="output"/> as a property of the result object, its name encoded once per field; what generated
    /// contracts call. A <see cref="double"/>, <see cref="int"/> or <see cref="long"/> that <see cref="JsonOptions"/> write
    /// with the built-in converter and strict number handling is written directly, as the serializer would.
    /// </summary>
    /// <typeparam name="T">The output's type.</typeparam>
    /// <param name="output">The output (one of the contract's <see cref="IPipelineContract{TSelf}.Outputs"/>).</param>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidOperationException"><see cref="JsonOptions"/> has no metadata for <typeparamref name="T"/>.</exception>
    public void WriteOutput<T>(PipelineField output, T value)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.EncodedName is { } name) Response.WritePropertyName(name);
        else Response.WritePropertyName(output.Name);
        var typeInfo = TypeInfo<T>(JsonOptions);
        if (JsonTypeInfoCache<T>.IsPlainNumber(typeInfo))
        {
            if (typeof(T) == typeof(double)) Response.WriteNumberValue((double)(object)value!);
            else if (typeof(T) == typeof(int)) Response.WriteNumberValue((int)(object)value!);
            else Response.WriteNumberValue((long)(object)value!);
            return;
        }

        JsonSerializer.Serialize(Response, value, typeInfo);
    }

    // The value after the property name at byte start, read the serializer's way (JsonSerializer.Deserialize skips over the
    // value first, then reads it from a reader of its own): for an application's converter, and for a value the direct read
    // refused, read again from the start so that it fails (or not) exactly as the serializer says. A call of its own: the
    // readers it makes are not part of the frame of every ReadInput.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private T? ReadSerialized<T>(ref Utf8JsonReader reader, long start, string name, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            reader = ReaderAt(start);
            return JsonSerializer.Deserialize(ref reader, typeInfo);
        }
        catch (JsonException exception)
        {
            throw JsonInputError.Describe(ReaderAt(start), "$." + name, typeInfo, exception);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckRange(long start, string name) => JsonNumberRange.Check(ReaderAt(start), name);

    // The value after the property name the reader is on, read by the serializer's converter for T in one pass over the
    // body's reader (JsonSerializer.Deserialize would skip over the value first, then read it). False, with the reader
    // anywhere, when the converter threw: the caller reads the value again the serializer's way, which words the error.
    private static bool TryReadDirect<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options, out T? value)
    {
        try
        {
            reader.Read();
            value = converter.Read(ref reader, typeof(T), options);
            return true;
        }
        catch (Exception)
        {
            value = default;
            return false;
        }
    }

    // The metadata for the options of the last request (one load and a comparison inlined), else looked up.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => JsonTypeInfoCache<T>.Last(options) ?? FindTypeInfo<T>(options);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JsonTypeInfo<T> FindTypeInfo<T>(JsonSerializerOptions options)
    {
        try
        {
            return JsonTypeInfoCache<T>.Get(options);
        }
        catch (NotSupportedException exception)
        {
            var type = Datasets.DatasetErrors.TypeName(typeof(T));
            throw new InvalidOperationException(
                $"The JSON options have no serialization metadata for {type}. List it in a JsonSerializerContext " +
                $"([JsonSerializable(typeof({type}))]) and add the context to the options' TypeInfoResolverChain " +
                "(in ASP.NET Core: builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, MyJsonContext.Default))).",
                exception);
        }
    }

    // A reader on the token that ends at byte bytesConsumed of the body (a property name ReadInput was called on): read
    // again from the start, which succeeded once, so that the success path keeps no copy of the reader.
    private Utf8JsonReader ReaderAt(long bytesConsumed)
    {
        var reader = CreateReader();
        while (reader.BytesConsumed < bytesConsumed && reader.Read())
        {
        }

        return reader;
    }

    // Over the span when the body is one segment: the serializer then finds each value's bytes by slicing a span, not the sequence.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Utf8JsonReader CreateReader() => _isSingleSegment ? new Utf8JsonReader(_singleSegment.Span, _readerOptions) : SequenceReader();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Utf8JsonReader SequenceReader() => new(Body, _readerOptions);

    // The body is empty (token None: nothing but whitespace), or its first token is not the start of an object.
    private static PipelineRequestException NotAnObject(JsonTokenType first, IReadOnlyList<PipelineField> inputs) =>
        first == JsonTokenType.None
            ? new PipelineRequestException("$", $"$: the body is empty; expected a JSON object with the runtime inputs {Describe(inputs)}.")
            : new PipelineRequestException("$", $"$: expected a JSON object with the runtime inputs {Describe(inputs)}, not {Describe(first)}.");

    private static JsonReaderOptions ReaderOptions(JsonSerializerOptions options) => new()
    {
        AllowTrailingCommas = options.AllowTrailingCommas,
        CommentHandling = options.ReadCommentHandling,
        MaxDepth = options.MaxDepth,
    };

    // Nothing but JSON whitespace: the reader would call that invalid JSON, a request calls it no body.
    private static bool IsBlank(ReadOnlySequence<byte> body)
    {
        foreach (var segment in body)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
            }
        }

        return true;
    }

    // The body's first token: false when there is none (an empty body, or nothing but JSON whitespace, which the reader
    // calls invalid JSON and a request calls no body). The body is scanned for whitespace only when the reader refuses it.
    private bool ReadFirst(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (JsonException) when (IsBlank(Body))
        {
            return false;
        }
        catch (JsonException exception)
        {
            throw NotJson(exception);
        }
    }

    private static bool Read(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (JsonException exception)
        {
            throw NotJson(exception);
        }
    }

    private static PipelineRequestException NotJson(JsonException exception) =>
        new("$", $"$: the body is not valid JSON: {JsonInputError.WithoutPosition(exception.Message)}", exception);

    private static string Describe(IReadOnlyList<PipelineField> inputs) =>
        inputs.Count == 0 ? "(none)" : string.Join(", ", inputs.Select(i => $"'{i.Name}'"));

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
