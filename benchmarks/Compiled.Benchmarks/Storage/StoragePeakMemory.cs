using System.Diagnostics;
using System.Globalization;
using Compiled.Storage.Tests.Servers;

namespace Compiled.Benchmarks.Storage;

/// <summary>
/// The peak resident memory of each <see cref="StorageWorkload"/> operation, each in a process of its own:
/// <c>dotnet run -c Release --project benchmarks/Compiled.Benchmarks -- storage-memory</c> starts Azurite and s3rver,
/// writes the objects the loads read, then runs every operation on both stores in a child process and prints, per
/// operation, the resident set before it (the runtime, and for a save the 1.6 million rows), its peak during the
/// operation (the kernel's high-water mark, reset just before), the managed bytes allocated and the CPU time.
/// </summary>
internal static class StoragePeakMemory
{
    private const string CaseCommand = "storage-memory-case";

    /// <summary>Whether <paramref name="args"/> ask for this harness.</summary>
    public static bool Handles(string[] args) => args is ["storage-memory", ..] or [CaseCommand, ..];

    /// <summary>Runs the harness (or, in a child process, one operation).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is [CaseCommand, var caseStore, var caseOperation, var caseAzure, var caseS3])
            return await RunCaseAsync(caseStore, caseOperation, caseAzure, caseS3);

        using var azurite = ServerProcess.StartAzurite();
        using var s3rver = ServerProcess.StartS3rver();
        var endpoints = (StorageEmulators.AzureEndpoint(azurite), StorageEmulators.S3Endpoint(s3rver));
        Console.WriteLine("| store | operation | RSS before (MB) | peak RSS during (MB) | peak - before (MB) | allocated (MB) | CPU (ms) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var store in new[] { "azure", "s3" })
        {
            using (var workload = new StorageWorkload(store, endpoints.Item1, endpoints.Item2)) await workload.PrepareAsync();
            foreach (var operation in StorageWorkload.Operations)
            {
                var result = RunChild(store, operation, endpoints.Item1, endpoints.Item2);
                Console.WriteLine($"| {store} | {operation} | {result} |");
            }
        }
        return 0;
    }

    private static async Task<int> RunCaseAsync(string store, string operation, string azureEndpoint, string s3Endpoint)
    {
        using var workload = new StorageWorkload(store, azureEndpoint, s3Endpoint);
        if (operation.Contains("-save", StringComparison.Ordinal)) _ = workload.Rows;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = StatusKilobytes("VmRSS:");
        // Writing 5 to clear_refs resets the high-water mark of the resident set to the current resident set (Linux 4.0+).
        File.WriteAllText("/proc/self/clear_refs", "5");
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        await workload.RunAsync(operation);
        var peak = StatusKilobytes("VmHWM:");
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{before / 1024.0:F0} | {peak / 1024.0:F0} | {(peak - before) / 1024.0:F0} | {allocated / 1048576.0:F0} | {cpuMs:F0}"));
        return 0;
    }

    private static string RunChild(string store, string operation, string azureEndpoint, string s3Endpoint)
    {
        var executable = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's executable path is unknown.");
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Run as 'dotnet Compiled.Benchmarks.dll': the child needs the assembly too.
        if (Path.GetFileNameWithoutExtension(executable) == "dotnet") info.ArgumentList.Add(typeof(StoragePeakMemory).Assembly.Location);
        foreach (var argument in new[] { CaseCommand, store, operation, azureEndpoint, s3Endpoint }) info.ArgumentList.Add(argument);
        using var child = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var error = child.StandardError.ReadToEndAsync();
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException($"{operation} on {store} failed (exit code {child.ExitCode}):\n{output}{error.Result}");
        return output.Trim();
    }

    private static long StatusKilobytes(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line.AsSpan(field.Length).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException($"/proc/self/status has no {field} line: the harness needs Linux.");
    }
}
