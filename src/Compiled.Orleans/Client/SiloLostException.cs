namespace Compiled.Orleans.Client;

/// <summary>A call was abandoned because its silo left the cluster; its runs go back to the queue.</summary>
internal sealed class SiloLostException(string silo) : Exception($"Silo {silo} left the cluster.");
