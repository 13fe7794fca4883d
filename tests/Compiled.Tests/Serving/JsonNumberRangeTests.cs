using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Xunit;

namespace Compiled.Tests.Serving;

/// <summary>
/// The one-pass test that spares an ordinary request a second read of its input (<see cref="JsonNumberRange.MayBeOutOfRange"/>):
/// it never calls a number beyond a double's range safe, and calls the numbers requests usually hold safe.
/// </summary>
public sealed class JsonNumberRangeTests
{
    private static readonly string Digits400 = "1" + new string('0', 399);
    private static readonly string Digits308 = "9" + new string('9', 307);

    public static TheoryData<string> Numbers() =>
    [
        "0", "-0", "2", "95", "-17.25", "3.141592653589793", "1.5e10", "1E+5", "2.5e-7", "1e-400", "-1e-999",
        "1e308", "1.7976931348623157e308", "1.8e308", "1e309", "-1e400", "1E+400", "9.99e307", "10e307", "100e307",
        "1e0000000000000000000000400", "0.5e309", "1e99999999999999999999", Digits308, Digits400, "-" + Digits400,
        Digits308 + ".5", Digits308 + "0.5", "0." + Digits400, Digits308 + "e1",
    ];

    [Theory]
    [MemberData(nameof(Numbers))]
    public void A_number_it_calls_safe_is_finite(string number)
    {
        var finite = double.IsFinite(double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture));

        foreach (var json in new[] { number, $"{{\"x\":{number}}}", $"[1,{number},\"e\"]", $"{{\"engines\":{number},\"rate\":1e2}}" })
        {
            Assert.True(finite || JsonNumberRange.MayBeOutOfRange(Encoding.UTF8.GetBytes(json)), $"{json} was called safe.");
        }
    }

    [Theory]
    [InlineData("""{"engines":2,"crew":3,"rating":95}""")]
    [InlineData("""{"engines":2.5,"crew":-3,"rating":9.5e1,"name":"Rolls-Royce 1e","tags":["e","E1"]}""")]
    [InlineData("""[1.5e10, 2.5e-300, 1e-999, 123456789012345678901234567890]""")]
    [InlineData("""{"price":1.7e307}""")]
    public void Ordinary_requests_are_read_once(string json) =>
        Assert.False(JsonNumberRange.MayBeOutOfRange(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("""{"a":1e400}""")]
    [InlineData("""{"a":[1,2,1E+309]}""")]
    [InlineData("""{"a":"x","b":-2.5e308}""")]
    public void Numbers_beyond_a_double_are_re_read(string json) =>
        Assert.True(JsonNumberRange.MayBeOutOfRange(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void An_exponent_is_seen_wherever_it_falls()
    {
        // The first test looks at sixteen byte pairs at a time: the exponent at every offset, inside a block, across two,
        // on the last byte, in values shorter and longer than a block; the same bodies without it are read once.
        for (var padding = 0; padding < 40; padding++)
        {
            var names = new string('e', padding);
            Assert.True(JsonNumberRange.MayBeOutOfRange(Encoding.UTF8.GetBytes($"{{\"{names}\":1e400}}")), $"padding {padding}");
            Assert.True(JsonNumberRange.MayBeOutOfRange(Encoding.UTF8.GetBytes($"[\"{names}\",9E309]")), $"padding {padding}");
            Assert.True(JsonNumberRange.MayBeOutOfRange(Encoding.UTF8.GetBytes($"{new string(' ', padding)}1e400")), $"padding {padding}");
            Assert.False(JsonNumberRange.MayBeOutOfRange(Encoding.UTF8.GetBytes($"{{\"{names}\":1.5,\"e\":[2,-3]}}")), $"padding {padding}");
        }
    }

    [Fact]
    public void A_400_digit_integer_is_refused_naming_its_field()
    {
        var exception = Assert.Throws<PipelineRequestException>(() => Read($"{{\"point\": {{\"x\": {Digits400}, \"y\": 1}}}}"));

        Assert.Equal("$.point.x", exception.Field);
    }

    [Fact]
    public void A_body_in_several_segments_is_checked_too()
    {
        // A host's body arrives in pieces: the test above is for one piece; a value across pieces is read again as before.
        var bytes = Encoding.UTF8.GetBytes("""{"point": {"x": 1e400, "y": 1}}""");
        var first = new Segment(bytes.AsMemory(0, 18));
        var last = first.Append(bytes.AsMemory(18));
        var request = new PipelineRequest(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length), new Utf8JsonWriter(Stream.Null), Options, "run-1");

        var exception = Assert.Throws<PipelineRequestException>(() => Read(request));

        Assert.Equal("$.point.x", exception.Field);
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static Point Read(string body) =>
        Read(new PipelineRequest(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(body)), new Utf8JsonWriter(Stream.Null), Options, "run-1"));

    private static Point Read(PipelineRequest request)
    {
        var reader = request.StartBody([PipelineField.Create<Point>("point", isRequired: true)]);
        Assert.True(request.NextInput(ref reader));
        var seen = false;
        return request.ReadInput<Point>(ref reader, "point", nullable: false, ref seen);
    }

    public sealed record Point(double X, double Y);

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
