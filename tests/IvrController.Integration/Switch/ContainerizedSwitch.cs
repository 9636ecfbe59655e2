using System.Net.Sockets;
using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Images;
using IvrController.Esl.Connection;
using IvrController.Esl.Inbound;
using IvrController.Esl.Messages;
using Microsoft.Extensions.Logging.Abstractions;

namespace IvrController.Integration.Switch;

/// <summary>
/// A FreeSWITCH for the suite as a container (IVR_TEST_FREESWITCH=container, which scripts/test.sh
/// asks for where a Docker engine answers and no <c>freeswitch</c> is installed): the image named
/// in IVR_TEST_FREESWITCH_IMAGE, with freeswitch-conf/ as /etc/freeswitch and sounds/ mounted as
/// docker-compose.yml mounts them, the suite's prompts directory at the same path as on the host
/// (prompts the controller renders are played by path), on the host's network (everything binds to loopback), and a
/// generated event-socket password. It is ready when the switch says so over its event socket
/// (<c>api status</c>), whatever the image logs. It lives as long as the suite and can be restarted.
/// </summary>
public sealed class ContainerizedSwitch : IAsyncDisposable
{
    public const string Mode = "container";
    public const string ImageVariable = "IVR_TEST_FREESWITCH_IMAGE";

    /// <summary>The image docker-compose.yml uses too: any FreeSWITCH 1.10 image whose configuration directory is /etc/freeswitch.</summary>
    public const string DefaultImage = "ghcr.io/patrickbaus/freeswitch-docker:latest";

    private const int EslPort = 8021;

    private readonly IContainer _container;

    private ContainerizedSwitch(IContainer container, string image, string password)
    {
        _container = container;
        Image = image;
        Password = password;
    }

    public static bool IsRequested =>
        string.Equals(Environment.GetEnvironmentVariable(SwitchUnderTest.EnvironmentVariable)?.Trim(), Mode, StringComparison.Ordinal);

    public string Image { get; }

    /// <summary>The event-socket password the switch was started with.</summary>
    public string Password { get; }

    /// <summary>Starts the container and returns once the switch, asked over its event socket, says it is ready.</summary>
    public static async Task<ContainerizedSwitch> StartAsync(string repositoryRoot, string promptsDirectory, CancellationToken cancellationToken)
    {
        // The resource reaper is another image from a registry this machine may not reach; the
        // deployment removes its container itself when the suite ends.
        TestcontainersSettings.ResourceReaperEnabled = false;
        string image = Environment.GetEnvironmentVariable(ImageVariable) is { Length: > 0 } named ? named : DefaultImage;
        string password = RandomNumberGenerator.GetHexString(48, lowercase: true);
        IContainer container = new ContainerBuilder(image)
            .WithImagePullPolicy(PullPolicy.Missing)
            .WithName($"ivr-acceptance-freeswitch-{Guid.NewGuid():N}")
            // SIP and RTP want many UDP ports, and freeswitch-conf binds to loopback: the host's network, as in docker-compose.yml.
            .WithCreateParameterModifier(parameters =>
            {
                parameters.HostConfig ??= new Docker.DotNet.Models.HostConfig();
                parameters.HostConfig.NetworkMode = "host";
                parameters.HostConfig.CapAdd = ["SYS_NICE"];
            })
            .WithEnvironment("IVR_ESL_PASSWORD", password)
            .WithEnvironment("IVR_SOUNDS_DIR", "/opt/ivr/sounds")
            .WithBindMount(Path.Combine(repositoryRoot, "freeswitch-conf"), "/etc/freeswitch", AccessMode.ReadOnly)
            .WithBindMount(Path.Combine(repositoryRoot, "sounds"), "/opt/ivr/sounds", AccessMode.ReadOnly)
            .WithBindMount(promptsDirectory, promptsDirectory, AccessMode.ReadOnly)
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new SwitchIsReady(password)))
            .Build();
        try
        {
            await container.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            string logs = await LogsAsync(container);
            await container.DisposeAsync();
            throw new InvalidOperationException(
                $"The FreeSWITCH container ({image}, {ImageVariable}) did not start: {e.Message}{Environment.NewLine}{logs}", e);
        }

        return new ContainerizedSwitch(container, image, password);
    }

    /// <summary>Stops the container and starts it again: a site's switch restart as the controller sees it.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await _container.StopAsync(cancellationToken);
        await _container.StartAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await _container.DisposeAsync();

    private static async Task<string> LogsAsync(IContainer container)
    {
        try
        {
            (string stdout, string stderr) = await container.GetLogsAsync();
            return string.Join(Environment.NewLine, (stdout + stderr).Split('\n').TakeLast(40));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"(no logs: {e.Message})";
        }
    }

    /// <summary>
    /// The switch answers <c>api status</c> on the host's loopback with "is ready": modules loaded and
    /// the SIP profiles started, not merely the event socket listening (which comes first).
    /// </summary>
    private sealed class SwitchIsReady(string password) : IWaitUntil
    {
        public async Task<bool> UntilAsync(IContainer container)
        {
            var options = new InboundClientOptions { Host = "127.0.0.1", Port = EslPort, Password = password, ConnectTimeout = TimeSpan.FromSeconds(2) };
            await using var client = new InboundClient(options, NullLogger<InboundClient>.Instance);
            try
            {
                await client.ConnectAsync(CancellationToken.None);
                ApiResponse status = await client.ApiAsync("status", TimeSpan.FromSeconds(5));
                return status.Body.Contains("is ready", StringComparison.Ordinal);
            }
            catch (Exception e) when (e is EslConnectionException or EslAuthenticationException or TimeoutException or SocketException)
            {
                return false;
            }
        }
    }
}
