using Compiled.Orleans.Wire;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Compiled.Cluster.Tests;

/// <summary>
/// A single run's reply is one byte array, as a bare grain call's: the result's JSON itself, untouched, or a tagged
/// failure that still names the node, the run id and the silo (in Orleans' generated serializer).
/// </summary>
public sealed class RunReplyTests
{
    private static readonly RunReply Reply = new(new ServiceCollection()
        .AddSerializer(serializer => serializer.AddAssembly(typeof(RunFailure).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer<RunFailure>>());

    [Fact]
    public void A_result_travels_as_its_json_without_a_copy()
    {
        var json = """{"score":6.5}"""u8.ToArray();

        var bytes = Reply.Write(new RunResult(json, null));
        var read = Reply.Read(bytes);

        Assert.Same(json, bytes);
        Assert.Same(json, read.Result);
        Assert.Null(read.Failure);
    }

    [Fact]
    public void A_failure_travels_tagged_and_comes_back_naming_node_run_and_silo()
    {
        var failure = new RunFailure("run-7", "score", "silo-2", "System.InvalidOperationException", "x = 4 is refused by this node.");

        var bytes = Reply.Write(new RunResult([], failure));
        var read = Reply.Read(bytes);

        Assert.Equal(RunReply.FailureTag, bytes[0]);
        Assert.Equal(failure, read.Failure);
        Assert.Empty(read.Result);
        Assert.Equal("Run 'run-7' failed at node 'score' on silo-2 (System.InvalidOperationException): x = 4 is refused by this node.", read.Failure!.ToError().ToString());
    }
}
