using System.Text;
using Grid;

namespace Compiled.Cluster.Tests;

/// <summary>
/// A remote run's body is written into the calling thread's reusable JSON writer and copied out: each request keeps its
/// own bytes, whatever the thread writes next, and a body that failed half-way does not leak into the next one.
/// </summary>
public sealed class RemoteBodyTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = RemoteJson.Options(GridJsonContext.Default);

    [Fact]
    public void Bodies_written_one_after_the_other_on_a_thread_each_keep_their_own_json()
    {
        var first = new RemoteBody(Options).Input("point", new Point(1)).ToRequest(null, 0, RemoteParameters.None);
        var second = new RemoteBody(Options).Input("point", new Point(22)).RuntimeValue("region", "eu").ToRequest("run-2", 1, RemoteParameters.None);

        Assert.Equal("""{"point":{"X":1}}""", Encoding.UTF8.GetString(first.Body.Span));
        Assert.Equal("""{"point":{"X":22}}""", Encoding.UTF8.GetString(second.Body.Span));
        Assert.Null(first.RuntimeValues);
        Assert.Equal("eu", second.RuntimeValues!["region"]);
    }

    [Fact]
    public void A_body_whose_input_failed_to_serialize_leaves_the_next_body_whole()
    {
        var withoutPointMetadata = RemoteJson.Options(DoubleOnlyJsonContext.Default);
        Assert.Throws<InvalidOperationException>(() => new RemoteBody(withoutPointMetadata).Input("x", 1.5).Input("point", new Point(1)));

        var next = new RemoteBody(Options).Input("point", new Point(3)).ToRequest(null, 0, RemoteParameters.None);

        Assert.Equal("""{"point":{"X":3}}""", Encoding.UTF8.GetString(next.Body.Span));
    }

    [Fact]
    public void A_large_body_is_written_whole_and_the_next_small_one_after_it_is_not_padded()
    {
        var large = new string('x', 100_000);

        var big = new RemoteBody(Options).Input("text", large).ToRequest(null, 0, RemoteParameters.None);
        var small = new RemoteBody(Options).Input("point", new Point(4)).ToRequest(null, 0, RemoteParameters.None);

        Assert.Equal($$"""{"text":"{{large}}"}""", Encoding.UTF8.GetString(big.Body.Span));
        Assert.Equal("""{"point":{"X":4}}""", Encoding.UTF8.GetString(small.Body.Span));
    }
}
