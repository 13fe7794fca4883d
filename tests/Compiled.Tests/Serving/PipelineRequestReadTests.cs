using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Xunit;

namespace Compiled.Tests.Serving;

/// <summary>
/// <see cref="PipelineRequest.ReadInput{T}"/> calls System.Text.Json's own converter of an input on the body's reader
/// (one pass, where <c>JsonSerializer.Deserialize</c> skips over the value first), and goes the serializer's way for an
/// application's converter or a value the direct read refuses. Whatever the options and the JSON, an input reads as
/// the serializer reads it — the same value, or a refusal where the serializer refuses — and the reader stops where the
/// serializer's would, so that the next input is read right.
/// </summary>
public sealed class PipelineRequestReadTests
{
    public static TheoryData<string, string> Cases()
    {
        string[] options = ["web", "strict", "numbers as strings", "named literals", "references", "converter", "converter reading too little"];
        string[] values =
        [
            """{"price": 2.5, "counts": [1, 2], "name": "a"}""",
            """{"price": "2.5", "counts": ["1"], "name": null}""",
            """{"price": "NaN", "counts": [], "name": "b"}""",
            """{"$id": "1", "price": 1, "counts": [], "name": "c"}""",
            """{"price": 1, "counts": [1], "extra": {"deep": [true]}}""",
            """{"counts": [1]}""",
            """{"price": 1, "price": 2, "counts": []}""",
            """{"price": 1.5, "counts": {}}""",
            "null",
            "[1]",
            "7",
        ];
        var cases = new TheoryData<string, string>();
        foreach (var option in options)
        {
            foreach (var value in values) cases.Add(option, value);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_input_reads_as_the_serializer_reads_it(string options, string value)
    {
        var json = Options(options);
        var expected = Serializer(json, value);
        var request = new PipelineRequest(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes($$"""{"item": {{value}}, "after": 5}""")),
            new Utf8JsonWriter(Stream.Null), json, "run-1");

        if (expected is null)
        {
            Assert.Throws<PipelineRequestException>(() => Read(request));
            return;
        }

        var (item, after) = Read(request);
        Assert.Equal(expected, Describe(item));
        Assert.Equal(5, after); // the reader stopped at the end of the item, as the serializer's does
    }

    // What the serializer makes of the value, as text; null when it refuses it.
    private static string? Serializer(JsonSerializerOptions json, string value)
    {
        try
        {
            var item = JsonSerializer.Deserialize<Item>(value, json);
            return item is null ? null : Describe(item);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(Item item) =>
        FormattableString.Invariant($"{item.Price} [{string.Join(", ", item.Counts ?? [])}] {item.Name ?? "(null)"} {item.Counts is null}");

    private static (Item Item, int After) Read(PipelineRequest request)
    {
        PipelineField[] inputs = [PipelineField.Create<Item>("item", isRequired: true), PipelineField.Create<int>("after", isRequired: true)];
        var (item, after, hasItem, hasAfter) = (default(Item)!, 0, false, false);
        var reader = request.StartBody(inputs);
        while (request.NextInput(ref reader))
        {
            if (reader.ValueTextEquals("item"u8)) item = request.ReadInput<Item>(ref reader, "item", nullable: false, ref hasItem);
            else if (reader.ValueTextEquals("after"u8)) after = request.ReadInput<int>(ref reader, "after", nullable: false, ref hasAfter);
            else throw request.UnknownInput(ref reader, inputs);
        }

        return (item, after);
    }

    private static JsonSerializerOptions Options(string name)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        switch (name)
        {
            case "strict":
                options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
                options.RespectNullableAnnotations = true;
                options.RespectRequiredConstructorParameters = true;
                options.AllowDuplicateProperties = false;
                break;
            case "numbers as strings":
                options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
                break;
            case "named literals":
                options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
                break;
            case "references":
                options.ReferenceHandler = ReferenceHandler.Preserve;
                break;
            case "converter":
                options.Converters.Add(new ItemConverter(readAll: true));
                break;
            case "converter reading too little":
                options.Converters.Add(new ItemConverter(readAll: false));
                break;
        }

        options.MakeReadOnly();
        return options;
    }

    public sealed record Item(double Price, int[] Counts, string? Name);

    // An application's converter for the input's own type: called the serializer's way, which checks that it read one whole
    // value ("read too much or not enough"); readAll = false reads only the first token of the object.
    private sealed class ItemConverter(bool readAll) : JsonConverter<Item>
    {
        public override Item Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("expected an object");
            if (readAll) reader.Skip();
            return new Item(42, [], "converted");
        }

        public override void Write(Utf8JsonWriter writer, Item value, JsonSerializerOptions options) => throw new NotSupportedException("Only read here.");
    }
}
