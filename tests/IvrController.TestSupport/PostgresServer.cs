using System.Collections.Concurrent;
using System.Text;
using Npgsql;
using Xunit;

namespace IvrController.TestSupport;

/// <summary>
/// The real PostgreSQL that scripts/test.sh starts and announces in <c>IVR_TEST_PG</c>: a connection
/// string, or <c>container</c> for a container of the process's own (<see cref="PostgresContainer"/>).
/// Share one instance through an xunit collection (or class) fixture and give every test
/// class its own database from <see cref="CreateDatabaseAsync"/>: classes then cannot see
/// each other's data and may run in parallel. The databases are dropped on dispose.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "IVR_TEST_PG";

    // PostgreSQL silently truncates longer identifiers, which would break uniqueness.
    private const int MaxIdentifierLength = 63;

    private readonly ConcurrentQueue<string> _createdDatabases = new();
    private string? _connectionString;

    public PostgresServer()
        : this(Environment.GetEnvironmentVariable(EnvironmentVariable))
    {
    }

    // Lets tests check the missing-variable message without changing the process
    // environment; internal because xunit wants a fixture to have one public constructor.
    internal PostgresServer(string? setting)
    {
        // The store tests are not optional: without a server they must fail loudly, not skip.
        if (string.IsNullOrWhiteSpace(setting))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set, so there is no PostgreSQL to test against. " +
                "Run the tests through scripts/test.sh, which starts a throwaway cluster and sets it, " +
                "or run 'scripts/pg.sh start' and export the connection string it prints as " +
                $"{EnvironmentVariable} before 'dotnet test', or set {EnvironmentVariable}={PostgresContainer.Mode} " +
                $"to have the tests start a PostgreSQL container (image: {PostgresContainer.ImageVariable}).");
        }

        InContainer = PostgresContainer.IsMode(setting);
        _connectionString = InContainer ? null : setting;
    }

    /// <summary>Whether the server is the process's container (<c>IVR_TEST_PG=container</c>) rather than one named by a connection string.</summary>
    public bool InContainer { get; }

    /// <summary>Connection string of the shared database named in <c>IVR_TEST_PG</c>, or of the container's once started.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException(
        $"The PostgreSQL container ({EnvironmentVariable}={PostgresContainer.Mode}) is started by {nameof(InitializeAsync)}; " +
        "its connection string is known only after that.");

    public async Task InitializeAsync()
    {
        if (InContainer)
        {
            _connectionString = await PostgresContainer.ConnectionStringAsync();
        }

        // One clear error up front beats a socket exception in every single test.
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
        }
        catch (NpgsqlException ex)
        {
            string where = InContainer
                ? $"the PostgreSQL container of image {PostgresContainer.Image} ({ConnectionString})"
                : $"the PostgreSQL in {EnvironmentVariable} ({ConnectionString}); is the cluster started by scripts/test.sh or scripts/pg.sh still running?";
            throw new InvalidOperationException($"Cannot connect to {where}", ex);
        }
    }

    /// <summary>
    /// Creates an empty database whose name starts with <paramref name="prefix"/> (reduced to
    /// lower-case letters, digits and underscores) and returns a connection string for it.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var name = UniqueName(prefix);
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        _createdDatabases.Enqueue(name);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        // FORCE ends the idle connections that test code leaves in its pools; they would block the drop.
        while (_createdDatabases.TryDequeue(out var name))
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
        }
    }

    private static string UniqueName(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);

        // Only these characters are allowed, so the name is safe to splice into SQL.
        var stem = new StringBuilder();
        foreach (var c in prefix)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                stem.Append(char.ToLowerInvariant(c));
            }
        }

        var suffix = $"_{Guid.NewGuid():N}";
        stem.Length = Math.Min(stem.Length, MaxIdentifierLength - suffix.Length);
        return (stem.Length == 0 ? "test" : stem.ToString()) + suffix;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
