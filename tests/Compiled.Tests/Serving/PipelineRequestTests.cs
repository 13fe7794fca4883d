using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Xunit;

namespace Compiled.Tests.Serving;

/// <summary>
/// How <see cref="PipelineRequest.ReadInput{T}"/> words a refused runtime input, read with strict options as a host
/// reads them (ASP.NET Core's camelCase web defaults plus System.Text.Json's strictness): the field as a JSON path
/// however deep (arrays, dictionaries), what JSON is expected there, and never a .NET type name or an odd client name.
/// </summary>
public sealed class PipelineRequestTests
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        AllowDuplicateProperties = false,
    };

    [Theory]
    [InlineData("""{"order": {"quantity": 2, "lines": [{"product": "a", "price": 1}, {"product": "b", "price": 1e400}]}}""",
        "$.order.lines[1].price", "the number is out of range")]
    [InlineData("""{"order": {"quantity": 2, "lines": [{"product": "a", "price": 1}, {"product": "b", "prise": 3}]}}""",
        "$.order.lines[1].prise", "unknown property 'prise'; expected only 'product', 'price'")]
    [InlineData("""{"order": {"quantity": 2, "lines": [{"product": "a"}]}}""",
        "$.order.lines[0].price", "required; the object has no property 'price'")]
    [InlineData("""{"order": {"lines": []}}""", "$.order.quantity", "required; the object has no property 'quantity'")]
    [InlineData("""{"order": {"quantity": 2.5, "lines": []}}""", "$.order.quantity", "could not be converted; expected a whole number")]
    [InlineData("""{"order": {"quantity": 2, "lines": {}}}""", "$.order.lines", "could not be converted; expected an array")]
    [InlineData("""{"order": {"quantity": 2, "lines": [], "extras": {"tip": "x"}}}""", "$.order.extras.tip", "could not be converted; expected a number")]
    [InlineData("""{"order": {"quantity": 2, "lines": [], "extras": {"tip": 1e999}}}""", "$.order.extras.tip", "the number is out of range")]
    [InlineData("""{"order": {"quantity": 2, "lines": [[1]]}}""", "$.order.lines[0]", "could not be converted; expected an object")]
    public void A_refused_order_names_the_field_and_the_JSON_expected(string body, string field, string problem)
    {
        var exception = Refuse<Order>(body, "order");

        Assert.Equal(field, exception.Field);
        Assert.StartsWith($"{field}: {problem}", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"settings": {"name": "x", "unit_price": 3}}""", "$.settings.unit_price", "unknown property 'unit_price'; expected only 'name', 'unitPrice'")]
    [InlineData("""{"settings": {"unitPrice": 3}}""", "$.settings.name", "required; the object has no property 'name'")]
    [InlineData("""{"settings": {"name": null, "unitPrice": 3}}""", "$.settings.name", "must not be null; expected a string")]
    [InlineData("""{"settings": {"name": "x", "name": "y"}}""", "$.settings.name", "given twice")]
    [InlineData("""{"settings": "x"}""", "$.settings", "could not be converted; expected an object")]
    public void A_refused_settings_object_names_the_member(string body, string field, string problem)
    {
        var exception = Refuse<Settings>(body, "settings");

        Assert.Equal(field, exception.Field);
        Assert.StartsWith($"{field}: {problem}", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"settings": {"name": "x", "a b<c>": 1}}""")]
    [InlineData("""{"settings": {"name": "x", "line\nbreak": 1}}""")]
    public void An_unknown_property_with_an_odd_name_is_not_repeated(string body)
    {
        var exception = Refuse<Settings>(body, "settings");

        Assert.Equal("$.settings", exception.Field);
        Assert.Contains("has an unknown property (its name is not repeated", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<c>", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("break", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_message_names_a_dotnet_type()
    {
        string[] bodies =
        [
            """{"order": []}""", """{"order": {"quantity": true, "lines": []}}""", """{"order": {"quantity": 2, "lines": [{"product": 1, "price": 1}]}}""",
            """{"order": {"quantity": 2, "lines": [], "extras": []}}""", """{"order": {"quantity": 2, "lines": [], "when": 1}}""",
        ];

        foreach (var body in bodies)
        {
            var message = Refuse<Order>(body, "order").Message;
            foreach (var name in new[] { "Compiled.Tests", nameof(Order), nameof(Line), "System.", "Int32", "String", "Double", ".NET" })
            {
                Assert.DoesNotContain(name, message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_number_in_range_is_read()
    {
        var order = Read<Order>("""{"order": {"quantity": 2, "lines": [{"product": "a", "price": 1.7976931348623157e308}]}}""", "order");

        Assert.Equal(double.MaxValue, order.Lines[0].Price);
    }

    private static T Read<T>(string body, string input)
    {
        var request = Request(body);
        var reader = request.StartBody([PipelineField.Create<T>(input, isRequired: true)]);
        Assert.True(request.NextInput(ref reader));
        var seen = false;
        return request.ReadInput<T>(ref reader, input, nullable: false, ref seen);
    }

    private static PipelineRequestException Refuse<T>(string body, string input)
    {
        try
        {
            Read<T>(body, input);
        }
        catch (PipelineRequestException exception)
        {
            return exception;
        }

        throw new Xunit.Sdk.XunitException($"The body was accepted: {body}");
    }

    private static PipelineRequest Request(string body) =>
        new(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(body)), new Utf8JsonWriter(Stream.Null), Strict, "run-1");

    public sealed record Line(string Product, double Price);

    public sealed record Order(int Quantity, Line[] Lines, Dictionary<string, double>? Extras = null);

    public sealed class Settings
    {
        public required string Name { get; set; }

        public double UnitPrice { get; set; }
    }
}
