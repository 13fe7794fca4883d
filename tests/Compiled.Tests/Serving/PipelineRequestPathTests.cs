using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Xunit;

namespace Compiled.Tests.Serving;

/// <summary>
/// The request path without copies (issue #16): the reader is found again for an error instead of copied for every input
/// (so a refused second input, or one in a body of several segments, is still named exactly); a blank body is told from
/// invalid JSON only when the reader finds no token; an output written by its field (<see cref="PipelineRequest.WriteOutput{T}(PipelineField, T)"/>,
/// a number written directly when the options allow it) gives the same bytes as the serializer under any options.
/// </summary>
public sealed class PipelineRequestPathTests
{
    private static readonly JsonSerializerOptions Web = ReadOnly(new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() });

    [Theory]
    [InlineData("""{"first": {"a": 1, "b": [1, 2]}, "second": {"a": "x", "b": []}}""", "$.second.a", "could not be converted; expected a number")]
    [InlineData("""{"first": {"a": 1, "b": [1, 2]}, "second": {"a": 1, "b": [3, 1e400]}}""", "$.second.b[1]", "the number is out of range")]
    [InlineData("""{"first": {"a": 1e999, "b": []}, "second": {"a": 1, "b": []}}""", "$.first.a", "the number is out of range")]
    public void A_refused_input_after_another_is_named_in_one_segment_or_many(string body, string field, string problem)
    {
        foreach (var segments in new[] { 1, 3, body.Length })
        {
            var exception = Assert.Throws<PipelineRequestException>(() => ReadBoth(Request(body, segments)));

            Assert.Equal(field, exception.Field);
            Assert.StartsWith($"{field}: {problem}", exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Both_inputs_are_read_from_one_segment_or_many()
    {
        const string body = """{"first": {"a": 1.5, "b": [1, 2]}, "second": {"a": -2, "b": []}}""";
        foreach (var segments in new[] { 1, 4, body.Length })
        {
            var (first, second) = ReadBoth(Request(body, segments));

            Assert.Equal(1.5, first.A);
            Assert.Equal([1.0, 2.0], first.B);
            Assert.Equal(-2, second.A);
        }
    }

    [Theory]
    [InlineData(" x", false)]
    [InlineData("{}", false)]
    [InlineData(" \r\n 1", false)]
    [InlineData("", true)]
    [InlineData(" \r\n\t ", true)]
    public void Only_whitespace_may_follow_the_body_object(string after, bool accepted)
    {
        var body = """{"first": {"a": 1, "b": []}, "second": {"a": 2, "b": []}}""" + after;
        foreach (var segments in new[] { 1, 3, body.Length })
        {
            if (accepted)
            {
                Assert.Equal(2, ReadBoth(Request(body, segments)).Second.A);
                continue;
            }

            var exception = Assert.Throws<PipelineRequestException>(() => ReadBoth(Request(body, segments)));
            Assert.Equal("$", exception.Field);
        }
    }

    [Theory]
    [InlineData("", "the body is empty")]
    [InlineData(" \r\n\t ", "the body is empty")]
    [InlineData(" {\"first\"", "the body is not valid JSON")]
    [InlineData(" x", "the body is not valid JSON")]
    public void A_blank_body_is_told_from_invalid_JSON(string body, string problem)
    {
        var exception = Assert.Throws<PipelineRequestException>(() => ReadBoth(Request(body, 1)));

        Assert.Equal("$", exception.Field);
        Assert.StartsWith($"$: {problem}", exception.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Options() => ["web", "strings", "named literals", "converter", "relaxed encoder"];

    [Theory]
    [MemberData(nameof(Options))]
    public void An_output_written_by_its_field_is_what_the_serializer_writes(string options)
    {
        var json = ReadOnly(With(options switch
        {
            "web" => new JsonSerializerOptions(JsonSerializerDefaults.Web),
            "strings" => new JsonSerializerOptions { NumberHandling = JsonNumberHandling.WriteAsString },
            "named literals" => new JsonSerializerOptions { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals },
            "converter" => new JsonSerializerOptions { Converters = { new PercentConverter() } },
            _ => new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
        }));

        double[] doubles = [0, -1.5, 1e300, double.Epsilon, options == "named literals" ? double.NaN : 2];
        foreach (var value in doubles) AssertSameOutput(json, "price", value);
        AssertSameOutput(json, "count", int.MinValue);
        AssertSameOutput(json, "total", long.MaxValue);
        AssertSameOutput(json, "pair", new Pair(1, [2]));
        AssertSameOutput(json, "prix_€", 3.5);
        AssertSameOutput(json, "a\"b<c>", 4.5);
    }

    [Fact]
    public void A_non_finite_number_is_refused_as_by_the_serializer()
    {
        var byName = Assert.ThrowsAny<ArgumentException>(() => Write<double>(Web, "price", (request, _) => request.WriteOutput("price", double.PositiveInfinity)));
        var byField = Assert.ThrowsAny<ArgumentException>(() => Write<double>(Web, "price", (request, field) => request.WriteOutput(field, double.PositiveInfinity)));

        Assert.Equal(byName.GetType(), byField.GetType());
    }

    private static void AssertSameOutput<T>(JsonSerializerOptions json, string name, T value)
    {
        var expected = Write<T>(json, name, (request, _) => request.WriteOutput(name, value));
        var actual = Write<T>(json, name, (request, field) => request.WriteOutput(field, value));

        Assert.Equal(expected, actual);
    }

    private static string Write<T>(JsonSerializerOptions json, string name, Action<PipelineRequest, PipelineField> write)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = json.Encoder }))
        {
            var request = new PipelineRequest(ReadOnlySequence<byte>.Empty, writer, json, runId: null);
            writer.WriteStartObject();
            write(request, PipelineField.Create<T>(name, isRequired: false));
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static (Pair First, Pair Second) ReadBoth(PipelineRequest request)
    {
        PipelineField[] inputs = [PipelineField.Create<Pair>("first", isRequired: true), PipelineField.Create<Pair>("second", isRequired: true)];
        var (first, second, hasFirst, hasSecond) = (default(Pair)!, default(Pair)!, false, false);
        var reader = request.StartBody(inputs);
        while (request.NextInput(ref reader))
        {
            if (reader.ValueTextEquals("first"u8)) first = request.ReadInput<Pair>(ref reader, "first", nullable: false, ref hasFirst);
            else if (reader.ValueTextEquals("second"u8)) second = request.ReadInput<Pair>(ref reader, "second", nullable: false, ref hasSecond);
            else throw request.UnknownInput(ref reader, inputs);
        }

        return (first, second);
    }

    // The body cut into about `segments` pieces: the reader then works over a multi-segment sequence.
    private static PipelineRequest Request(string body, int segments)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var size = Math.Max(1, (bytes.Length + segments - 1) / Math.Max(1, segments));
        Segment? first = null, last = null;
        for (var i = 0; i < bytes.Length; i += size)
        {
            var piece = bytes.AsMemory(i, Math.Min(size, bytes.Length - i));
            last = last is null ? first = new Segment(piece, 0) : last.Append(piece);
        }

        var sequence = first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
        return new PipelineRequest(sequence, new Utf8JsonWriter(Stream.Null), Web, "run-1");
    }

    private static JsonSerializerOptions With(JsonSerializerOptions options)
    {
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
        return options;
    }

    private static JsonSerializerOptions ReadOnly(JsonSerializerOptions options)
    {
        options.MakeReadOnly();
        return options;
    }

    public sealed record Pair(double A, double[] B);

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    // Writes a double as a percentage string: a converter of the application's own, which the direct write must not bypass.
    private sealed class PercentConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble() / 100;

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteStringValue($"{value * 100}%");
    }
}
