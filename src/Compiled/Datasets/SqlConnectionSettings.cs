using System.Data.Common;
using Compiled.Config;
using Microsoft.Data.Sqlite;

namespace Compiled.Datasets;

/// <summary>
/// Where a <c>sql</c> or <c>sql_table</c> dataset connects: an ADO.NET provider and a connection string.
/// The connection string usually comes from credentials (<c>conf/&lt;env&gt;/credentials.yml</c> or
/// environment variables), never from the catalog, and never appears in messages:
/// <see cref="Description"/> names the database without secrets.
/// </summary>
public sealed class SqlConnectionSettings
{
    /// <summary>Creates the settings.</summary>
    /// <param name="connectionString">The provider's connection string.</param>
    /// <param name="provider">The ADO.NET provider; SQLite (Microsoft.Data.Sqlite) when null.</param>
    /// <param name="basePath">For SQLite, the directory a relative <c>Data Source</c> is resolved against; the current directory when null.</param>
    public SqlConnectionSettings(string connectionString, DbProviderFactory? provider = null, string? basePath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Provider = provider ?? SqliteFactory.Instance;
        if (Provider is SqliteFactory)
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            var source = builder.DataSource;
            var inMemory = builder.Mode == SqliteOpenMode.Memory || source.Length == 0 || source == ":memory:";
            if (!inMemory && !source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                builder.DataSource = Path.GetFullPath(Path.IsPathRooted(source) ? source : Path.Combine(basePath ?? Directory.GetCurrentDirectory(), source));
            }
            ConnectionString = builder.ToString();
            Description = inMemory ? "in-memory SQLite database" : $"SQLite database {builder.DataSource}";
            DatabaseFile = inMemory ? null : builder.DataSource;
        }
        else
        {
            ConnectionString = connectionString;
            Description = $"{Provider.GetType().Name.Replace("Factory", "", StringComparison.Ordinal)} database";
        }
    }

    /// <summary>The ADO.NET provider.</summary>
    public DbProviderFactory Provider { get; }

    /// <summary>The connection string (for SQLite, with the database file made absolute). Secret: never log it.</summary>
    public string ConnectionString { get; }

    /// <summary>The database as named in messages, without secrets: e.g. <c>SQLite database /srv/app/data/db.sqlite</c>.</summary>
    public string Description { get; }

    /// <summary>The SQLite database file, or null for another provider or an in-memory database.</summary>
    public string? DatabaseFile { get; }

    /// <summary>Opens a new connection (pooled by the provider).</summary>
    /// <param name="dataset">The dataset that connects, for errors.</param>
    /// <exception cref="DatasetException">The connection could not be opened; the message names the database, never the connection string.</exception>
    public DbConnection Open(string dataset)
    {
        var connection = Create();
        try
        {
            connection.Open();
            return connection;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ArgumentException or IOException)
        {
            connection.Dispose();
            throw ConnectFailed(dataset, ex);
        }
    }

    /// <summary>Opens a new connection asynchronously.</summary>
    /// <param name="dataset">The dataset that connects, for errors.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <exception cref="DatasetException">The connection could not be opened; the message names the database, never the connection string.</exception>
    public async ValueTask<DbConnection> OpenAsync(string dataset, CancellationToken cancellationToken)
    {
        var connection = Create();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ArgumentException or IOException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw ConnectFailed(dataset, ex);
        }
    }

    // Provider messages may quote the connection string: give the exception type and a neutral message, without the inner exception.
    private DatasetException ConnectFailed(string dataset, Exception ex) => new(dataset,
        $"Dataset '{dataset}' ({Description}): could not connect ({ex.GetType().Name}): {Redact(DatasetErrors.Sentence(ex.Message))} " +
        "Check the connection in the credentials.");

    private string Redact(string message)
    {
        foreach (var part in ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq < 0 || eq == part.Length - 1) continue;
            var key = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim().Trim('"', '\'');
            if (value.Length >= 3 && (key.Contains("password", StringComparison.OrdinalIgnoreCase) || key.Contains("pwd", StringComparison.OrdinalIgnoreCase)
                    || key.Contains("secret", StringComparison.OrdinalIgnoreCase) || key.Contains("token", StringComparison.OrdinalIgnoreCase)
                    || key.Contains("key", StringComparison.OrdinalIgnoreCase)))
            {
                message = message.Replace(value, "***", StringComparison.Ordinal);
            }
        }
        return message;
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    private DbConnection Create()
    {
        var connection = Provider.CreateConnection()
            ?? throw new InvalidOperationException($"The provider {Provider.GetType().Name} did not create a connection.");
        connection.ConnectionString = ConnectionString;
        return connection;
    }

    /// <summary>
    /// Reads the connection of a catalog entry, from exactly one of: <c>connection</c> (the name of
    /// credentials whose mapping has <c>connection_string</c>, or Kedro's <c>con</c>), <c>credentials</c>
    /// (the same, Kedro's spelling), or <c>connection_string</c> written in the entry (discouraged: it
    /// puts the connection in the catalog). Optional <c>provider</c> (in the entry or the credentials):
    /// <c>sqlite</c> (the default) or the invariant name of a provider registered with
    /// <see cref="DbProviderFactories.RegisterFactory(string, DbProviderFactory)"/>. A relative SQLite
    /// <c>Data Source</c> is resolved against the project directory.
    /// </summary>
    /// <param name="config">The catalog entry.</param>
    /// <exception cref="DatasetException">No connection, more than one, unknown credentials, or an unknown provider.</exception>
    public static SqlConnectionSettings FromConfig(DatasetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var keys = new[] { "connection", "credentials", "connection_string" }.Where(k => config.Entry[k] is not null).ToArray();
        if (keys.Length == 0)
            throw config.Error("has no connection: add 'connection: <credentials name>' and put 'connection_string' in conf/<env>/credentials.yml under that name");
        if (keys.Length > 1)
            throw config.Error($"sets both '{keys[0]}' and '{keys[1]}'; keep one", config.Entry[keys[1]]!.Location);

        string connectionString;
        string? provider = config.GetString("provider");
        var location = config.Entry[keys[0]]!.Location;
        var source = "";
        if (keys[0] == "connection_string")
        {
            connectionString = config.GetRequiredString("connection_string");
        }
        else
        {
            var credentials = config.GetCredentials(keys[0])!;
            var credentialsName = config.GetString(keys[0]);
            string? Value(string key) => credentials[key] switch
            {
                null => null,
                ConfigScalar scalar => scalar.Value,
                var other => throw config.Error($"credentials '{credentialsName}' key '{key}' must be a scalar value", other.Location),
            };
            var key = credentials["connection_string"] is not null ? "connection_string" : "con";
            connectionString = Value(key)
                ?? throw config.Error($"uses credentials '{credentialsName}', which have no 'connection_string'", location);
            location = credentials[key]!.Location;
            source = $" (credentials '{credentialsName}', key '{key}')";
            provider ??= Value("provider");
        }
        if (string.IsNullOrWhiteSpace(connectionString)) throw config.Error("has an empty connection string", location);

        DbProviderFactory factory;
        if (provider is null || provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase) || provider == "Microsoft.Data.Sqlite")
        {
            factory = SqliteFactory.Instance;
        }
        else if (!DbProviderFactories.TryGetFactory(provider, out var registered) || registered is null)
        {
            throw config.Error(
                $"names the provider '{provider}', which is not registered: call DbProviderFactories.RegisterFactory(\"{provider}\", …) at startup, or use sqlite",
                config.Entry["provider"]?.Location ?? location);
        }
        else
        {
            factory = registered;
        }

        try
        {
            return new SqlConnectionSettings(connectionString, factory, config.ProjectPath);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // The provider's message can quote the connection string or a value of it (a password): name only the keyword.
            throw config.Error($"has a malformed connection string{source}: {SqliteProblem(connectionString)}; correct it where it is set", location);
        }
    }

    // What SQLite rejects in a connection string, naming the keyword but never a value (it may be a password).
    private static string SqliteProblem(string connectionString)
    {
        var pairs = new DbConnectionStringBuilder();
        try
        {
            pairs.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return "it is not a list of keyword=value pairs separated by ';'";
        }

        foreach (string keyword in pairs.Keys)
        {
            var sqlite = new SqliteConnectionStringBuilder();
            if (!sqlite.ContainsKey(keyword)) return $"'{keyword}' is not a keyword of SQLite connection strings";
            try
            {
                sqlite[keyword] = pairs[keyword];
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                return $"the value of '{keyword}' is not valid (the value is not shown)";
            }
        }

        return "SQLite does not accept it";
    }
}
