namespace Orbits.Tests;

/// <summary>Finds Debian's Chromium on this machine. The tests never download a browser and never skip: no Chromium is a failure.</summary>
internal static class Chromium
{
    /// <summary>Set to a Chromium executable to use another one.</summary>
    public const string Variable = "COMPILED_CHROMIUM";

    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"];

    public static string Executable()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured
                : throw new InvalidOperationException($"{Variable} is '{configured}', which does not exist. Point it at a Chromium executable, or unset it to use Debian's /usr/lib/chromium/chromium.");
        }

        return Candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            $"Chromium is not installed (looked for {string.Join(", ", Candidates)}). The viz browser tests drive Debian's Chromium: " +
            $"run the test script from the README, which installs it (apt-get install -y chromium), or set {Variable} to a Chromium executable.");
    }
}
