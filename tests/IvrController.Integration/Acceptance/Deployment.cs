using System.Net.Sockets;
using IvrController.Esl.Inbound;
using IvrController.Hosting;
using IvrController.Integration.Media;
using IvrController.Integration.Sipp;
using IvrController.Integration.Switch;
using IvrController.Presence;
using IvrController.Store.Snapshots;
using IvrController.Switches;
using IvrController.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace IvrController.Integration.Acceptance;

/// <summary>
/// The deployment under acceptance, shared by the acceptance tests: the real switch named in
/// IVR_TEST_FREESWITCH, the controller started in-process on its outbound address (where the
/// switch's <c>socket</c> application connects) with a fresh database holding the demo call
/// centre, and the suite's own event-socket connection to watch the switch. Without the
/// variable it does nothing (the tests are skipped); with it, anything missing fails loudly.
/// </summary>
public sealed class Deployment : IAsyncLifetime, IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private ContainerizedSwitch? _switchContainer;
    private PostgresServer? _postgres;
    private PostgresLink? _databaseLink;
    private IHost? _controller;
    private SwitchEvents? _events;
    private SwitchEvents? _peerEvents;
    private string[] _extraArguments = [];

    public SwitchUnderTest Switch { get; private set; } = null!;

    /// <summary>The second switch (IVR_TEST_FREESWITCH_PEER), which the controller then serves too; null without one.</summary>
    public SwitchUnderTest? Peer { get; private set; }

    /// <summary>The suite's own event-socket connection to the second switch.</summary>
    public SwitchEvents PeerEvents => _peerEvents ?? throw new InvalidOperationException("no second switch: IVR_TEST_FREESWITCH_PEER is not set");

    public string Database { get; private set; } = "";

    /// <summary>The controller's own road to the database, which a test can cut to play an outage.</summary>
    public PostgresLink DatabaseLink => _databaseLink ?? throw new InvalidOperationException("the deployment is not started");

    public ControllerLog Log { get; } = new();

    public SwitchEvents Events => _events ?? throw new InvalidOperationException("the deployment is not started");

    public IServiceProvider Controller => _controller?.Services ?? throw new InvalidOperationException("the deployment is not started");

    public string ScenarioDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Scenarios");

    /// <summary>Every run's logs: one directory per test, kept after the run.</summary>
    public string LogDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "test-logs", "acceptance", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Where tests write prompts the switch must read (a directory of their own under it each): the same path for the
    /// controller and the switch, a container's included (it is mounted there). Removed with the deployment.
    /// </summary>
    public string PromptsRoot { get; } = Path.Combine(Path.GetTempPath(), $"ivr-acceptance-prompts-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        if (!SwitchUnderTest.IsRequested)
        {
            return;
        }

        if (ContainerizedSwitch.IsRequested)
        {
            using var pulling = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            Directory.CreateDirectory(PromptsRoot);
            _switchContainer = await ContainerizedSwitch.StartAsync(DemoCallCentre.RepositoryRoot(), PromptsRoot, pulling.Token);
            Switch = SwitchUnderTest.Parse($"password={_switchContainer.Password}");
        }
        else
        {
            Switch = SwitchUnderTest.FromEnvironment();
        }

        if (!SippProcess.IsInstalled())
        {
            throw new InvalidOperationException("sipp is not on PATH: install the Debian package sip-tester (scripts/test.sh does when IVR_TEST_FREESWITCH is set and it runs as root).");
        }

        Directory.CreateDirectory(LogDirectory);
        DtmfTrack.WriteSurveyAnswer(ScenarioDirectory);
        using var starting = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        _postgres = new PostgresServer();
        await _postgres.InitializeAsync();
        Database = await _postgres.CreateDatabaseAsync("acceptance", starting.Token);
        await DemoCallCentre.LoadAsync(Database, LogDirectory, starting.Token);
        _databaseLink = PostgresLink.Up(Database);

        _events = new SwitchEvents(new InboundClient(
            new InboundClientOptions { Host = Switch.Esl.Host, Port = Switch.Esl.Port, Password = Switch.Password },
            NullLogger<InboundClient>.Instance));
        try
        {
            await _events.StartAsync(starting.Token);
        }
        catch (Exception e) when (e is Esl.Connection.EslConnectionException or EslAuthenticationException or TimeoutException)
        {
            throw new InvalidOperationException($"cannot use the switch's event socket at {Switch.Esl} ({e.Message}); is FreeSWITCH running on freeswitch-conf/ with IVR_ESL_PASSWORD set to the password given here?", e);
        }

        await CheckSwitchConfigurationAsync(Events, Switch, starting.Token);
        if (SwitchUnderTest.IsPeerRequested)
        {
            Peer = SwitchUnderTest.PeerFromEnvironment();
            _peerEvents = await WatchAsync(Peer, starting.Token);
            await CheckSwitchConfigurationAsync(PeerEvents, Peer, starting.Token);
            await CheckPeerRouteAsync(starting.Token);
        }

        await StartControllerAsync(starting.Token);
    }

    /// <summary>Stops the controller and the event connection and drops the database; safe to call twice.</summary>
    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref _controller, null) is { } controller)
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await controller.StopAsync(stopping.Token);
            controller.Dispose();
        }

        if (Interlocked.Exchange(ref _databaseLink, null) is { } link)
        {
            await link.DisposeAsync();
        }

        if (Interlocked.Exchange(ref _events, null) is { } events)
        {
            await events.DisposeAsync();
        }

        if (Interlocked.Exchange(ref _peerEvents, null) is { } peerEvents)
        {
            await peerEvents.DisposeAsync();
        }

        if (Interlocked.Exchange(ref _postgres, null) is { } postgres)
        {
            await postgres.DisposeAsync();
        }

        if (Interlocked.Exchange(ref _switchContainer, null) is { } container)
        {
            await container.DisposeAsync();
        }

        if (Directory.Exists(PromptsRoot))
        {
            Directory.Delete(PromptsRoot, recursive: true);
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public T Service<T>()
        where T : notnull => Controller.GetRequiredService<T>();

    /// <summary>Runs an ivrctl verb on the suite's database and waits until the controller runs on the rules it wrote.</summary>
    public async Task<string> AdminAsync(params string[] args)
    {
        var (exitCode, output, error) = await DemoCallCentre.IvrctlAsync(Database, args);
        Assert.True(exitCode == 0, $"ivrctl {string.Join(' ', args)} failed with {exitCode}: {error}{output}");
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select version from rules_version", connection);
        long version = (long)(await command.ExecuteScalarAsync())!;
        await Service<LiveRules>().WaitForVersionAsync(version, CancellationToken.None).WaitAsync(StartTimeout);
        return output;
    }

    /// <summary>
    /// Stops the controller as a crash would look to the switch (calls in progress are dropped at once,
    /// nothing is recorded for them), runs <paramref name="whileDown"/>, and starts a new one on the same database.
    /// </summary>
    public async Task RestartControllerAsync(Func<Task>? whileDown = null)
    {
        if (Interlocked.Exchange(ref _controller, null) is { } controller)
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await controller.StopAsync(stopping.Token);
            controller.Dispose();
        }

        try
        {
            if (whileDown is not null)
            {
                await whileDown();
            }
        }
        finally
        {
            // Also when what ran meanwhile failed: the tests after this one need their controller.
            using var starting = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await StartControllerAsync(starting.Token);
        }
    }

    /// <summary>
    /// Runs <paramref name="test"/> with two controllers on the suite's database: the suite's own, restarted as one of
    /// several (<c>Cluster:Enabled</c>, id <c>suite</c>), and a second <c>ivrctl serve</c> process (id <c>second</c>) on
    /// IVR_TEST_SECOND_CONTROLLER, which the second switch tries first. Both serve both switches; short leases and
    /// heartbeats, so a killed controller's slots come back within seconds. Afterwards the second is stopped (if the
    /// test left it running) and the suite's controller runs alone again.
    /// </summary>
    public async Task AsOneOfTwoControllersAsync(Func<ControllerProcess, Task> test)
    {
        HostPort second = TwoControllerFactAttribute.SecondController();
        string controllers = (await PeerEvents.ApiAsync("global_getvar controller_socket")).Trim();
        if (controllers.Split('|')[0].Trim() != second.ToString())
        {
            throw new InvalidOperationException(
                $"the second switch hands its calls to '{controllers}', but the tests with two controllers need {second} ({TwoControllerFactAttribute.SecondControllerVariable}) " +
                $"first: start it with IVR_CONTROLLER_SOCKET='{second}|{Switch.Controller}'");
        }

        string[] Cluster(string id) =>
        [
            "--Cluster:Enabled=true", $"--Cluster:ControllerId={id}", "--Cluster:LeaseTime=00:00:04", "--Cluster:HeartbeatInterval=00:00:00.500",
        ];

        await WithControllerSettingsAsync(Cluster("suite"), async () =>
        {
            await using ControllerProcess secondController = await ControllerProcess.StartAsync(
                [.. ControllerArguments(), $"--Outbound:ListenAddress={second.Host}", $"--Outbound:Port={second.Port}", .. Cluster("second")]);
            await test(secondController);
        });
    }

    /// <summary>
    /// Runs <paramref name="test"/> with the suite's controller restarted on <paramref name="settings"/> (command-line
    /// arguments) besides its own; afterwards it runs on its own settings again.
    /// </summary>
    public async Task WithControllerSettingsAsync(string[] settings, Func<Task> test)
    {
        _extraArguments = settings;
        try
        {
            await RestartControllerAsync();
            await test();
        }
        finally
        {
            _extraArguments = [];
            await RestartControllerAsync();
        }
    }

    /// <summary>
    /// Restarts the switch the run owns: the container, or the command scripts/test.sh gave
    /// (<see cref="ManagedSwitchFactAttribute.RestartCommand"/>). Returns once it is up again.
    /// </summary>
    public async Task RestartSwitchAsync(ITestOutputHelper output)
    {
        if (_switchContainer is { } container)
        {
            using var restarting = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await container.RestartAsync(restarting.Token);
            return;
        }

        await RunSwitchCommandAsync(ManagedSwitchFactAttribute.RestartCommand!, "restarting the switch", output);
    }

    /// <summary>
    /// Takes the second switch down (the run's own: <see cref="ManagedPeerSwitchFactAttribute"/>), runs
    /// <paramref name="whileDown"/>, and starts it again, returning once the controller has its view of it back.
    /// </summary>
    public async Task WithPeerSwitchDownAsync(ITestOutputHelper output, Func<FleetSwitch, Task> whileDown)
    {
        FleetSwitch peer = Service<SwitchFleet>().Switches.Single(s => s.Name == "sw2");
        string? coreBefore = peer.CoreUuid;
        await RunSwitchCommandAsync(ManagedPeerSwitchFactAttribute.HaltCommand!, "stopping the second switch", output);
        try
        {
            await whileDown(peer);
        }
        finally
        {
            await RunSwitchCommandAsync(ManagedPeerSwitchFactAttribute.RestartCommand!, "starting the second switch again", output);
            // A restarted switch runs as a new core: the controller knows it again once it read that and rebuilt presence.
            await Polling.UntilAsync(
                () => peer.IsSynchronized && peer.CoreUuid is { } core && core != coreBefore && PeerEvents.Client.IsConnected,
                "the controller (and the suite's watch) to see the restarted second switch again", StartTimeout);
        }
    }

    private static async Task RunSwitchCommandAsync(string command, string what, ITestOutputHelper output)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash", ["-c", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using System.Diagnostics.Process process = System.Diagnostics.Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        output.WriteLine(await stdout + await stderr);
        Assert.True(process.ExitCode == 0, $"{what} failed ({process.ExitCode}): {await stderr}");
    }

    /// <summary>Runs <c>ivrctl call</c> with the settings the suite's controller runs on.</summary>
    public Task<(int ExitCode, string Output, string Error)> ClickToCallAsync(string agent, string customer) =>
        DemoCallCentre.IvrctlAsync(Database, ["call", "--agent", agent, "--customer", customer, .. SwitchArguments()]);

    /// <summary>
    /// Completes when the controller's presence view of <paramref name="agentId"/> satisfies <paramref name="condition"/>:
    /// on the first switch, or on <paramref name="onSwitch"/> (a name of the fleet: sw1, sw2).
    /// </summary>
    public async Task WaitForPresenceAsync(string agentId, Func<PresenceTracker, bool> condition, string what, string? onSwitch = null)
    {
        PresenceTracker tracker = onSwitch is null
            ? Service<PresenceTracker>()
            : Service<SwitchFleet>().Switches.Single(s => s.Name == onSwitch).Presence;
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (tracker.Presence.IsSynchronized && condition(tracker))
            {
                reached.TrySetResult();
            }
        }

        EventHandler<PresenceChange> changed = (_, _) => Check();
        EventHandler<PresenceReconciliation> reconciled = (_, _) => Check();
        tracker.Changed += changed;
        tracker.Reconciled += reconciled;
        try
        {
            Check();
            await reached.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the controller's presence never showed agent {agentId} {what} within {StartTimeout.TotalSeconds:0} s");
        }
        finally
        {
            tracker.Changed -= changed;
            tracker.Reconciled -= reconciled;
        }
    }

    /// <summary>
    /// The switches as the controller takes them: Esl:* for one (as a deployment with one switch is set up), a
    /// Switches list of sw1 and sw2 with their peer addresses when there is a second.
    /// </summary>
    private string[] SwitchArguments()
    {
        string[] common =
        [
            $"--Outbound:ListenAddress={Switch.Controller.Host}", $"--Outbound:Port={Switch.Controller.Port}",
            $"--Flows:AgentDomain={Switch.Domain}",
        ];
        if (Peer is null)
        {
            return [$"--Esl:Host={Switch.Esl.Host}", $"--Esl:Port={Switch.Esl.Port}", $"--Esl:Password={Switch.Password}", .. common];
        }

        return [.. Entry(0, "sw1", Switch), .. Entry(1, "sw2", Peer), .. common];

        static string[] Entry(int index, string name, SwitchUnderTest target) =>
        [
            $"--Switches:{index}:Name={name}", $"--Switches:{index}:Host={target.Esl.Host}", $"--Switches:{index}:Port={target.Esl.Port}",
            $"--Switches:{index}:Password={target.Password}", $"--Switches:{index}:PeerAddress={target.Peers}",
        ];
    }

    private static async Task<SwitchEvents> WatchAsync(SwitchUnderTest target, CancellationToken cancellationToken)
    {
        var events = new SwitchEvents(new InboundClient(
            new InboundClientOptions { Host = target.Esl.Host, Port = target.Esl.Port, Password = target.Password },
            NullLogger<InboundClient>.Instance));
        try
        {
            await events.StartAsync(cancellationToken);
            return events;
        }
        catch (Exception e) when (e is Esl.Connection.EslConnectionException or EslAuthenticationException or TimeoutException)
        {
            await events.DisposeAsync();
            throw new InvalidOperationException($"cannot use the second switch's event socket at {target.Esl} ({e.Message}); is it running on freeswitch-conf/ with the password given in {SwitchUnderTest.PeerVariable}?", e);
        }
    }

    /// <summary>Refuses to run against a switch whose configuration cannot give the results the tests expect.</summary>
    private static async Task CheckSwitchConfigurationAsync(SwitchEvents events, SwitchUnderTest target, CancellationToken cancellationToken)
    {
        var replies = new List<string>();
        foreach (string command in SwitchConfiguration.Commands)
        {
            replies.Add(await events.ApiAsync(command, cancellationToken));
        }

        IReadOnlyList<string> problems = new SwitchConfiguration(replies[0], replies[1], replies[2], replies[3], replies[4]).Problems(target);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The switch at {target.Esl} is not set up as the suite needs:{Environment.NewLine}  - {string.Join($"{Environment.NewLine}  - ", problems)}");
        }
    }

    /// <summary>Both switches run the peers profile where the other one's settings say it is.</summary>
    private async Task CheckPeerRouteAsync(CancellationToken cancellationToken)
    {
        foreach ((SwitchEvents events, SwitchUnderTest target) in new[] { (Events, Switch), (PeerEvents, Peer!) })
        {
            string status = await events.ApiAsync("sofia status profile peers", cancellationToken);
            if (status.Contains("Invalid Profile", StringComparison.OrdinalIgnoreCase) || !status.Contains($":{target.Peers.Port}", StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"The switch at {target.Esl} has no peers profile on port {target.Peers.Port} (freeswitch-conf/sip_profiles/peers.xml, IVR_PEERS_SIP_PORT): {status.Trim()}");
            }
        }
    }

    /// <summary>The settings the suite's controller runs on, as <c>ivrctl serve</c> takes them.</summary>
    public string[] ControllerArguments() =>
    [
        $"--Database:ConnectionString={DatabaseLink.ConnectionString}",
        .. SwitchArguments(),
        // A stop drops calls in progress at once, as a killed controller would (calls outlive it by themselves).
        "--Outbound:DrainTimeout=00:00:00",
        // Its own journal, so a controller of the user's own (default directory) cannot hold the lock.
        $"--CallJournal:Directory={Path.Combine(Path.GetTempPath(), $"ivr-acceptance-journal-{Guid.NewGuid():N}")}",
    ];

    private async Task StartControllerAsync(CancellationToken cancellationToken)
    {
        _controller = ControllerHost.Build([.. ControllerArguments(), .. _extraArguments], services => services.AddSingleton<ILoggerProvider>(Log));
        try
        {
            await _controller.StartAsync(cancellationToken);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new InvalidOperationException(
                $"the suite's controller cannot listen on {Switch.Controller}: something already does (a controller started by scripts/run.sh?). Stop it: the suite runs its own.", e);
        }

        // Callbacks ask presence whether the agent is registered: it must have seen every switch first, and with two
        // it must know each one's core UUID, which tells their calls apart.
        foreach (FleetSwitch fleetSwitch in Service<SwitchFleet>().Switches)
        {
            await WaitUntilKnownAsync(fleetSwitch, Peer is not null, cancellationToken);
        }
    }

    private async Task WaitUntilKnownAsync(FleetSwitch fleetSwitch, bool needsCore, CancellationToken cancellationToken)
    {
        var synchronized = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var coreKnown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<PresenceReconciliation> reconciled = (_, _) => synchronized.TrySetResult();
        EventHandler<string> coreRead = (_, _) => coreKnown.TrySetResult();
        fleetSwitch.Presence.Reconciled += reconciled;
        fleetSwitch.CoreUuidRead += coreRead;
        try
        {
            if (fleetSwitch.IsSynchronized)
            {
                synchronized.TrySetResult();
            }

            if (!needsCore || fleetSwitch.CoreUuid is not null)
            {
                coreKnown.TrySetResult();
            }

            await Task.WhenAll(synchronized.Task, coreKnown.Task).WaitAsync(StartTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException(
                $"the controller did not build its view of switch {fleetSwitch.Name} within {StartTimeout.TotalSeconds:0} s; its log:{Environment.NewLine}{string.Join(Environment.NewLine, Log.Entries.Since(0))}");
        }
        finally
        {
            fleetSwitch.Presence.Reconciled -= reconciled;
            fleetSwitch.CoreUuidRead -= coreRead;
        }
    }
}
