using System.Runtime.CompilerServices;
using System.Text;
using Xunit.Sdk;

namespace Compiled.Generators.Tests.Infrastructure;

/// <summary>
/// Compares generated code with <c>Snapshots/{name}.verified.cs</c>. A missing or different snapshot
/// fails the test and writes <c>{name}.received.cs</c> beside it (gitignored); with
/// <c>COMPILED_ACCEPT_SNAPSHOTS=1</c> the received text is written as the new <c>.verified.cs</c>
/// instead. A snapshot is never created silently: review every accepted file.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "COMPILED_ACCEPT_SNAPSHOTS";

    private const int MaxDiffLines = 80;

    public static void Match(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(ProjectDirectory(callerFile), "Snapshots");
        var verifiedPath = Path.Combine(directory, name + ".verified.cs");
        var receivedPath = Path.Combine(directory, name + ".received.cs");
        actual = Normalize(actual);
        var expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;

        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        var how = $"Review {receivedPath}; to accept it, rename it to {Path.GetFileName(verifiedPath)} or run the tests with {AcceptVariable}=1.";
        throw new XunitException(expected is null
            ? $"Snapshot '{name}' does not exist yet. {how}"
            : $"Snapshot '{name}' differs from {verifiedPath}. {how}\n{Diff(expected, actual)}");
    }

    /// <summary>The directory of this test project, found from a source file's path.</summary>
    private static string ProjectDirectory(string callerFile)
    {
        for (var directory = Path.GetDirectoryName(callerFile); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "Compiled.Generators.Tests.csproj"))) return directory;
        }

        throw new InvalidOperationException($"No Compiled.Generators.Tests.csproj above '{callerFile}'.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>
    /// A line diff (longest common subsequence) with two lines of context: "-" lines of the verified
    /// snapshot (numbered in it), "+" lines received (numbered in the received text).
    /// </summary>
    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Kind, int Line, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { lines.Add((' ', y + 1, a[x])); x++; y++; }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1])) { lines.Add(('-', x + 1, a[x])); x++; }
            else { lines.Add(('+', y + 1, b[y])); y++; }
        }

        var output = new StringBuilder();
        var written = 0;
        var lastShown = -1;
        for (var i = 0; i < lines.Count && written < MaxDiffLines; i++)
        {
            var near = false;
            for (var k = Math.Max(0, i - 2); k <= Math.Min(lines.Count - 1, i + 2); k++) near |= lines[k].Kind != ' ';
            if (!near) continue;
            if (lastShown >= 0 && i > lastShown + 1) output.AppendLine("  ...");
            output.Append(lines[i].Kind).Append(' ').Append(lines[i].Line.ToString().PadLeft(4)).Append(": ").AppendLine(lines[i].Text);
            lastShown = i;
            written++;
        }

        if (written >= MaxDiffLines) output.AppendLine("  ... (diff truncated)");
        return output.ToString();
    }
}
