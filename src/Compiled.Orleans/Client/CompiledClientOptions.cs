using System.Text.Json.Serialization.Metadata;

namespace Compiled.Orleans;

/// <summary>How a cluster client runs pipelines remotely (<see cref="CompiledClusterClientExtensions.Pipeline{TPipeline}(IClusterClient)"/>).</summary>
public sealed class CompiledClientOptions
{
    /// <summary>
    /// JSON metadata for the runtime inputs, outputs and the types of parameter values that cross the wire; the same resolver
    /// as the silos' (<see cref="HostedSessionOptions.JsonTypeInfoResolver"/>). Required: nothing falls back to reflection, and a
    /// type it does not list is an error naming the type. The generated parameters record writes itself
    /// (<see cref="IRemoteParameters{TSelf}"/>); scalars and lists of scalars need no listing.
    /// </summary>
    public IJsonTypeInfoResolver? JsonTypeInfoResolver { get; set; }

    /// <summary>
    /// How long starting the client keeps trying to connect to the cluster before it fails with a <see cref="RemotePipelineException"/>
    /// naming the cluster (ClusterId, ServiceId), the gateways it tried (or why its membership could not list them) and what to
    /// do (set by <see cref="CompiledClusterClientExtensions.AddCompiledClient"/>). Default 30 seconds.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long finding the silos that serve a pipeline may take before the cluster is reported unreachable
    /// (<see cref="RemotePipelineException"/>). Default 30 seconds.
    /// </summary>
    public TimeSpan DiscoveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a call to a silo (one run of a sweep, one chunk of a batch) may take before its runs fail with a
    /// <see cref="TimeoutException"/> naming the silo: Orleans' response timeout of the client's calls, which
    /// <see cref="CompiledClusterClientExtensions.AddCompiledClient"/> sets to this. Default 5 minutes (Orleans' own default is 30 seconds).
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a silo may take to answer the client's probe before the client declares it lost. While a sweep or batch has
    /// calls on a silo, the client probes it every second; a silo that does not answer within this, that cannot be reached
    /// (killed: its connections refused), or that the cluster declared dead is lost at once: the calls waiting on it are
    /// abandoned, their runs go to the other silos, and it gets no more. Finding the silos asks each for at most this long.
    /// A silo lost by mistake (too slow to answer) costs a re-run of the runs it had, never a duplicate result. Default 10 seconds.
    /// </summary>
    public TimeSpan SiloTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
