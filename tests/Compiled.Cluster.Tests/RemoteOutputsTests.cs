using System.Text.Json;
using System.Text.Json.Serialization;
using Grid;

namespace Compiled.Cluster.Tests;

/// <summary>
/// A reply's outputs are read in place: a plain double, int or long off its number token, anything else (a record, a number
/// the options write as a string, a number that does not fit) through its metadata, whose error names the problem.
/// </summary>
public sealed class RemoteOutputsTests
{
    private static readonly JsonSerializerOptions Options = RemoteJson.Options(GridJsonContext.Default);

    [Fact]
    public void Plain_numbers_and_records_are_read_by_name()
    {
        var outputs = Read("""{"score":6.5,"count":3,"total":9007199254740993,"point":{"X":2}}""", Options);

        Assert.Equal(6.5, outputs.Get<double>("score"));
        Assert.Equal(3, outputs.Get<int>("count"));
        Assert.Equal(9007199254740993L, outputs.Get<long>("total"));
        Assert.Equal(new Point(2), outputs.Get<Point>("point"));
    }

    [Fact]
    public void A_number_written_as_a_string_is_read_through_the_options_number_handling()
    {
        var strings = new JsonSerializerOptions(Options) { NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString };

        Assert.Equal(6.5, Read("""{"score":"6.5"}""", strings).Get<double>("score"));
    }

    [Fact]
    public void A_number_that_does_not_fit_is_the_converters_error()
    {
        var outputs = Read("""{"count":3.5}""", Options);

        Assert.Throws<JsonException>(() => outputs.Get<int>("count"));
    }

    [Fact]
    public void A_missing_output_names_it_and_the_run()
    {
        var error = Assert.Throws<InvalidDataException>(() => Read("""{"score":6.5}""", Options).Get<double>("price"));

        Assert.Contains("run 'run-1' has no output 'price'", error.Message);
    }

    private static RemoteOutputs Read(string json, JsonSerializerOptions options) =>
        RemoteOutputs.Read(new RemoteReply("run-1", 0, System.Text.Encoding.UTF8.GetBytes(json), null), options);
}
