namespace Compiled.Orleans.Wire;

/// <summary>A failed run, as <see cref="RemoteRunError"/> but in Orleans' serializer.</summary>
[GenerateSerializer, Immutable]
internal sealed record RunFailure(string RunId, string? Node, string Silo, string ErrorType, string Message)
{
    public RemoteRunError ToError() => new(RunId, Node, Silo, ErrorType, Message);
}
