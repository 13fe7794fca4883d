namespace Compiled.Orleans.Wire;

/// <summary>What a silo serves: its name, its project's session type, its pipelines and how many runs it runs at once.</summary>
[GenerateSerializer, Immutable]
internal sealed record WorkerInfo(string Silo, string Session, string[] Pipelines, int MaxConcurrentRuns);
