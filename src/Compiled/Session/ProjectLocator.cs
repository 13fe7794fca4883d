using Compiled.Config;

namespace Compiled;

/// <summary>Finds the project directory: the one holding <c>conf/base</c>.</summary>
internal static class ProjectLocator
{
    public static string Locate(string? explicitPath)
    {
        var configured = explicitPath ?? System.Environment.GetEnvironmentVariable(SessionOptions.ProjectPathVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            var full = Path.GetFullPath(configured);
            return Directory.Exists(Path.Combine(full, "conf", "base"))
                ? full
                : throw new ConfigException($"the project path '{full}' has no conf/base directory", new ConfigLocation(full, 0, 0));
        }

        var found = SearchUp(Directory.GetCurrentDirectory()) ?? SearchUp(AppContext.BaseDirectory);
        return found ?? throw new ConfigException(
            $"no project found: no directory with conf/base above '{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'. " +
            $"Set SessionOptions.ProjectPath or the {SessionOptions.ProjectPathVariable} environment variable",
            ConfigLocation.None);
    }

    private static string? SearchUp(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "conf", "base"))) return directory.FullName;
        }

        return null;
    }
}
