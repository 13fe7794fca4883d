namespace Compiled.Orleans.Client;

/// <summary>
/// Tells the client's remote runs when one of its gateway connections closes. A call travels to its grain, and its reply
/// back, through one gateway (whichever Orleans picked for the grain, not necessarily the grain's own silo), and Orleans
/// does not fail a call whose gateway died: its reply is simply never delivered, and the call waits for its response
/// timeout. So a call in flight when a gateway connection closes may never answer, even from a silo that is alive.
/// Registered by <see cref="CompiledClusterClientExtensions.AddCompiledClient"/> as the client's gateway count handler.
/// </summary>
internal sealed class GatewayConnections
{
    private CancellationTokenSource _closed = new();

    /// <summary>Cancelled when a gateway connection closes after this token was taken: take it before sending a call.</summary>
    public CancellationToken Closed => Volatile.Read(ref _closed).Token;

    /// <summary>Orleans' <see cref="GatewayCountChangedHandler"/>: a smaller count means a gateway connection closed.</summary>
    public void OnGatewayCountChanged(object? sender, GatewayCountChangedEventArgs e)
    {
        if (e.NumberOfConnectedGateways >= e.PreviousNumberOfConnectedGateways) return;
        Interlocked.Exchange(ref _closed, new CancellationTokenSource()).Cancel();
    }
}
