namespace Compiled.Hosting;

/// <summary>
/// How <see cref="CompiledServiceCollectionExtensions.AddCompiledSession{TSession}"/> creates the session.
/// Bound from the configuration section <c>Compiled</c> (<c>appsettings.json</c>, environment variables
/// such as <c>Compiled__Environment</c>, the command line), then changed by the code that registers it.
/// </summary>
/// <example>
/// <code>
/// "Compiled": {
///   "Environment": "prod",
///   "ProjectPath": "../Spaceflights",
///   "Preload": [ "regressor" ]
/// }
/// </code>
/// </example>
public sealed class CompiledSessionOptions : HostedSessionOptions
{
    /// <summary>The name of the configuration section the options are read from: <c>Compiled</c>.</summary>
    public const string SectionName = "Compiled";
}
