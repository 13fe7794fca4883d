using System.Net;
using System.Net.Sockets;

namespace Compiled.Cluster.Tests.Infrastructure;

/// <summary>A loopback port nothing listens on now, picked by the system.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
