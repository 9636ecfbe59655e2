using System.Security.Cryptography;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Images;
using Npgsql;
using Testcontainers.PostgreSql;

namespace IvrController.TestSupport;

/// <summary>
/// The PostgreSQL of a test process when <c>IVR_TEST_PG=container</c> (scripts/test.sh asks for it where
/// no PostgreSQL server is installed but a Docker engine answers): one container of the image in
/// <c>IVR_TEST_PG_IMAGE</c>, started by the first fixture that needs it, shared by every fixture of the
/// process and removed when the process exits. Its port is published on the host's loopback only.
/// </summary>
internal static class PostgresContainer
{
    public const string Mode = "container";
    public const string ImageVariable = "IVR_TEST_PG_IMAGE";

    /// <summary>The image docker-compose.yml uses too; any image that takes the official image's POSTGRES_* variables will do.</summary>
    public const string DefaultImage = "postgres:16";

    // Fixtures are disposed and created all through a run: the container lives as long as the process instead.
    private static readonly Lazy<Task<string>> Started = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Image =>
        Environment.GetEnvironmentVariable(ImageVariable) is { Length: > 0 } named ? named.Trim() : DefaultImage;

    public static bool IsMode(string? setting) => string.Equals(setting?.Trim(), Mode, StringComparison.Ordinal);

    /// <summary>The connection string of the process's container, started on the first call.</summary>
    public static Task<string> ConnectionStringAsync() => Started.Value;

    /// <summary>What a test run is told when the container cannot be had, naming the variable that fixes it.</summary>
    internal static string StartFailure(string image, Exception error) =>
        error is DockerUnavailableException
            ? $"{PostgresServer.EnvironmentVariable}={Mode} asks for PostgreSQL as a container, but no Docker engine answers " +
              $"({error.Message}). Start Docker, or set {PostgresServer.EnvironmentVariable} to a connection string " +
              "(scripts/test.sh starts a cluster with scripts/pg.sh where PostgreSQL is installed)."
            : $"{PostgresServer.EnvironmentVariable}={Mode}: the PostgreSQL container of image {image} did not start ({error.Message}). " +
              $"If the engine has no such image and cannot pull it, set {ImageVariable} to a PostgreSQL image it has (docker images), " +
              $"or set {PostgresServer.EnvironmentVariable} to a connection string.";

    private static async Task<string> StartAsync()
    {
        // The resource reaper is another image from a registry this machine may not reach; the
        // container is removed at process exit instead.
        TestcontainersSettings.ResourceReaperEnabled = false;
        string image = Image;
        PostgreSqlContainer container;
        try
        {
            container = new PostgreSqlBuilder(image)
                .WithImagePullPolicy(PullPolicy.Missing)
                .WithName($"ivr-test-postgres-{Environment.ProcessId}-{Guid.NewGuid():N}")
                .WithDatabase("ivr")
                .WithUsername("postgres")
                .WithPassword(RandomNumberGenerator.GetHexString(32, lowercase: true))
                // The test classes of a process run in parallel, each with its pools: as scripts/pg.sh's cluster.
                .WithCommand("-c", "max_connections=200")
                // Published on 0.0.0.0 by default; a throwaway server has no business on the network.
                .WithCreateParameterModifier(parameters =>
                {
                    foreach (IList<PortBinding> bindings in parameters.HostConfig?.PortBindings?.Values ?? [])
                    {
                        foreach (PortBinding binding in bindings)
                        {
                            binding.HostIP = "127.0.0.1";
                        }
                    }
                })
                .Build();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(StartFailure(image, e), e);
        }

        try
        {
            await container.StartAsync();
        }
        catch (Exception e)
        {
            await container.DisposeAsync();
            throw new InvalidOperationException(StartFailure(image, e), e);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            container.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
        // The port is on the engine's loopback, and the tests run beside the engine (as the containerised
        // switch, on the host's network, does too); Testcontainers would name the bridge's gateway when it
        // finds itself inside a container.
        return new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Host = "127.0.0.1" }.ConnectionString;
    }
}
