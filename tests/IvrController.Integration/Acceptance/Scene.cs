using System.Text;
using IvrController.Integration.Sipp;
using IvrController.Presence;
using Xunit;
using Xunit.Abstractions;

namespace IvrController.Integration.Acceptance;

/// <summary>
/// One acceptance test's run: its phones (each a sipp process with a timeout and its logs in the
/// test's directory), the controller log and switch events from its start, and the clean-up of
/// what it changed (registrations, agent status) whatever the outcome.
/// </summary>
public sealed class Scene : IAsyncDisposable
{
    private readonly List<SippProcess> _processes = [];
    private readonly List<SippResult> _results = [];
    private readonly List<(Phones Phones, string Agent, string Password, int Port)> _registrations = [];
    private readonly List<string> _agentsToReactivate = [];
    private readonly List<string> _crashes = [];
    private readonly int _logStart;
    private readonly int _eventStart;
    private readonly int _peerEventStart;

    public Scene(Deployment deployment, string name)
    {
        Deployment = deployment;
        Phones = new Phones(deployment.Switch);
        LogDirectory = Path.Combine(deployment.LogDirectory, name);
        Directory.CreateDirectory(LogDirectory);
        StartedAt = DateTimeOffset.UtcNow;
        _logStart = deployment.Log.Entries.Count;
        _eventStart = deployment.Events.Journal.Count;
        if (deployment.Peer is { } peer)
        {
            PeerPhones = new Phones(peer);
            _peerEventStart = deployment.PeerEvents.Journal.Count;
        }
    }

    public Deployment Deployment { get; }

    public Phones Phones { get; }

    /// <summary>The phones addressed at the second switch; null without one.</summary>
    public Phones? PeerPhones { get; }

    public string LogDirectory { get; }

    public DateTimeOffset StartedAt { get; }

    public IReadOnlyList<ControllerLogEntry> ControllerLog => Deployment.Log.Entries.Since(_logStart);

    public IReadOnlyList<SwitchEvent> SwitchEvents => Deployment.Events.Journal.Since(_eventStart);

    /// <summary>The second switch's events since the scene began; empty without one.</summary>
    public IReadOnlyList<SwitchEvent> PeerSwitchEvents => Deployment.Peer is null ? [] : Deployment.PeerEvents.Journal.Since(_peerEventStart);

    /// <summary>Runs one test's scene; on failure the test output gets every log of it.</summary>
    public static async Task PlayAsync(Deployment deployment, ITestOutputHelper output, Func<Scene, Task> test, string name)
    {
        output.WriteLine($"switch: {deployment.Switch}");
        await using var scene = new Scene(deployment, name);
        try
        {
            await test(scene);
            scene._crashes.ForEach(output.WriteLine);
        }
        catch
        {
            output.WriteLine(scene.Report());
            throw;
        }
    }

    /// <summary>Starts a phone; a waiting phone is only returned once it listens.</summary>
    public async Task<SippProcess> StartAsync(SippCall call)
    {
        SippProcess process = SippProcess.Start(call, Deployment.ScenarioDirectory, LogDirectory);
        _processes.Add(process);
        if (call.Remote is null)
        {
            await process.WaitUntilListeningAsync();
        }

        return process;
    }

    /// <summary>Waits for a phone to finish and asserts its call went as its scenario says.</summary>
    public async Task<SippResult> SucceedsAsync(SippProcess process)
    {
        SippResult result = await process.Completion;
        _results.Add(result);
        Assert.True(result.Succeeded, FailureMessage(result));
        return result;
    }

    private string FailureMessage(SippResult result) =>
        $"the phone '{result.Call.Name}' ({result.Call.Scenario}) failed: exit {result.ExitCode}, {result.Summary}; its logs are in {LogDirectory}";

    /// <summary>Registers the agent's phone from <paramref name="port"/> and waits until the controller knows.</summary>
    public async Task RegisterAsync(string agent, string password, int port)
    {
        await RegistersAsync(Phones.AgentRegistration(agent, password, port, register: true));
        _registrations.Add((Phones, agent, password, port));
        await Deployment.WaitForPresenceAsync(agent, t => t.IsRegistered(agent), "registered");
    }

    /// <summary>
    /// A registration, run once more if the phone's sipp died of a signal. Debian's sipp 3.6.1 has aborted
    /// (SIGABRT) now and then on a busy machine; a crashed tool says nothing about the switch, and a REGISTER may
    /// be repeated without changing the outcome. A phone that ran and failed, or outlived its timeout, is a
    /// failure at once; the crashed run's summary goes to the test's report either way.
    /// </summary>
    private async Task RegistersAsync(SippCall registration)
    {
        SippResult first = await (await StartAsync(registration)).Completion;
        _results.Add(first);
        if (!first.Crashed)
        {
            Assert.True(first.Succeeded, FailureMessage(first));
            return;
        }

        _crashes.Add($"the phone '{first.Call.Name}' crashed ({first.Summary}) and registered again");
        await SucceedsAsync(await StartAsync(registration with { Name = $"{registration.Name}-again" }));
    }

    /// <summary>Registers the agent's phone on the second switch (sw2 of the controller) and waits until the controller knows.</summary>
    public async Task RegisterOnPeerAsync(string agent, string password, int port)
    {
        Phones phones = PeerPhones ?? throw new InvalidOperationException("no second switch: IVR_TEST_FREESWITCH_PEER is not set");
        await RegistersAsync(phones.AgentRegistration(agent, password, port, register: true));
        _registrations.Add((phones, agent, password, port));
        await Deployment.WaitForPresenceAsync(agent, t => t.IsRegistered(agent), "registered on the second switch", onSwitch: "sw2");
    }

    /// <summary>Makes sure the agent's phone is not registered (from a previous run, say) and that the controller knows.</summary>
    public async Task UnregisterAsync(string agent, string password)
    {
        string contacts = await Deployment.Events.ApiAsync($"sofia_contact {agent}@{Deployment.Switch.Domain}");
        if (!contacts.Contains("user_not_registered", StringComparison.Ordinal))
        {
            // Removing every binding of the user is a switch command; a phone can only remove its own.
            await Deployment.Events.ApiAsync($"sofia profile agents flush_inbound_reg {agent}@{Deployment.Switch.Domain}");
        }

        try
        {
            await Deployment.WaitForPresenceAsync(agent, t => !t.IsRegistered(agent), "unregistered");
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException(
                $"agent {agent} stays registered (sofia_contact: {contacts.Trim()}): a phone outside the suite uses that account; unregister it", e);
        }
    }

    /// <summary>Sets the agent's admin status; offline is undone when the scene ends.</summary>
    public async Task SetAgentStatusAsync(string agent, string status)
    {
        await Deployment.AdminAsync("agents", "update", agent, "--status", status);
        if (status == "offline" && !_agentsToReactivate.Contains(agent))
        {
            _agentsToReactivate.Add(agent);
        }
    }

    /// <summary>Waits until the controller sees the agent registered and not on a call.</summary>
    public Task AgentAvailableAsync(string agent) =>
        Deployment.WaitForPresenceAsync(agent, (PresenceTracker t) => t.IsAvailable(agent), "registered and free");

    public Task<ControllerLogEntry> ControllerLogsAsync(Func<ControllerLogEntry, bool> match, string what, TimeSpan? timeout = null) =>
        Deployment.Log.Entries.WaitForAsync(_logStart, match, timeout ?? TimeSpan.FromSeconds(60), what);

    public Task<SwitchEvent> SwitchSendsAsync(Func<SwitchEvent, bool> match, string what, TimeSpan? timeout = null) =>
        Deployment.Events.Journal.WaitForAsync(_eventStart, match, timeout ?? TimeSpan.FromSeconds(60), what);

    public Task<SwitchEvent> PeerSwitchSendsAsync(Func<SwitchEvent, bool> match, string what, TimeSpan? timeout = null) =>
        Deployment.PeerEvents.Journal.WaitForAsync(_peerEventStart, match, timeout ?? TimeSpan.FromSeconds(60), what);

    /// <summary>Everything a failing test needs: every phone's logs, the controller's log and the switch's events.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        text.AppendLine($"======== logs of this test: {LogDirectory}");
        _crashes.ForEach(crash => text.AppendLine(crash));
        foreach (SippProcess process in _processes)
        {
            SippResult? result = _results.FirstOrDefault(r => ReferenceEquals(r.Call, process.Call));
            if (result is null && process.Completion.IsCompletedSuccessfully)
            {
                result = process.Completion.Result;
            }

            text.AppendLine(result?.Describe() ?? $"==== sipp '{process.Call.Name}' ({process.Call.Scenario}): still running; its logs are {process.Logs.Messages} and the rest in that directory");
        }

        text.AppendLine("======== controller log:");
        foreach (ControllerLogEntry entry in ControllerLog)
        {
            text.AppendLine(entry.ToString());
        }

        text.AppendLine("======== switch events:");
        foreach (SwitchEvent switchEvent in SwitchEvents.Where(e => e.Name != "HEARTBEAT"))
        {
            text.AppendLine(switchEvent.ToString());
        }

        if (Deployment.Peer is not null)
        {
            text.AppendLine("======== second switch's events:");
            foreach (SwitchEvent switchEvent in PeerSwitchEvents.Where(e => e.Name != "HEARTBEAT"))
            {
                text.AppendLine(switchEvent.ToString());
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (SippProcess process in _processes)
        {
            await process.DisposeAsync();
        }

        foreach ((Phones phones, string agent, string password, int port) in _registrations)
        {
            await using SippProcess unregister = SippProcess.Start(
                phones.AgentRegistration(agent, password, port, register: false), Deployment.ScenarioDirectory, LogDirectory);
            await unregister.Completion;
        }

        foreach (string agent in _agentsToReactivate)
        {
            await Deployment.AdminAsync("agents", "update", agent, "--status", "active");
        }

        await File.WriteAllTextAsync(Path.Combine(LogDirectory, "report.log"), Report());
    }
}
