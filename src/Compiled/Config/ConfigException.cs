namespace Compiled.Config;

/// <summary>The project's configuration is missing, malformed or inconsistent. The message names the file and line.</summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception for a problem at <paramref name="location"/>.</summary>
    public ConfigException(string message, ConfigLocation location, Exception? innerException = null)
        : base(location.Line > 0 || location.FilePath != ConfigLocation.None.FilePath ? $"{location}: {message}" : message, innerException)
    {
        Location = location;
        Problem = message;
    }

    /// <summary>Where the problem is.</summary>
    public ConfigLocation Location { get; }

    /// <summary>What is wrong, without the location (<see cref="Exception.Message"/> starts with it): for messages that name the place themselves.</summary>
    public string Problem { get; }
}
