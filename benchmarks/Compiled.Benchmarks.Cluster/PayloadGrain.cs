using Orleans.Concurrency;

namespace Compiled.Benchmarks.Cluster;

/// <summary>The baseline: a bare grain call carrying what a remote run carries (the request's JSON body in, the result's JSON out).</summary>
public interface IPayloadGrain : IGrainWithIntegerKey
{
    Task<byte[]> EchoAsync(byte[] body, CancellationToken cancellationToken);
}

/// <summary>Returns a reply of the size of a result; reentrant, as the pipeline worker is.</summary>
[Reentrant]
public sealed class PayloadGrain : Grain, IPayloadGrain
{
    private static readonly byte[] Reply = """{"score":6.5}"""u8.ToArray();

    public Task<byte[]> EchoAsync(byte[] body, CancellationToken cancellationToken) => Task.FromResult(Reply);
}
