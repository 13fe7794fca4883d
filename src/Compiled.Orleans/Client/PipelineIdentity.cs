namespace Compiled.Orleans.Client;

/// <summary>A pipeline as the silos know it (its class's full name) and as people do (its name, for messages).</summary>
internal sealed record PipelineIdentity(string TypeName, string Name)
{
    public override string ToString() => $"pipeline '{Name}' ({TypeName})";
}
