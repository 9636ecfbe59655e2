using System.Diagnostics;
using System.Globalization;
using IvrController.Integration.Sipp;
using IvrController.Integration.Switch;
using Npgsql;
using Xunit;
using static IvrController.Integration.Acceptance.DemoCallCentre;

namespace IvrController.Integration.Acceptance;

/// <summary>
/// Opt-in (IVR_TEST_LOAD=150@5): many agent calls on the real switch, each bridged to the PSTN side,
/// the agent hanging up first and the customer rating 1; prints calls ok, surveys stored, and the CPU
/// the controller's process took against the switch's.
/// </summary>
public sealed partial class AcceptanceTests
{
    [LoadFact]
    public Task Load_every_call_is_bridged_and_rated_and_the_controller_costs_a_fraction_of_the_switch() => PlayAsync(async scene =>
    {
        Assert.True(Environment.IsPrivilegedProcess, "sipp sends the customer's DTMF through a raw socket: run the load test as root, or setcap cap_net_raw+ep on sipp");
        (int calls, double perSecond) = LoadFactAttribute.FromEnvironment();
        TimeSpan runFor = TimeSpan.FromSeconds((calls / perSecond) + 120);
        SippCall pstn = scene.Phones.PstnSide(Scenarios.PstnAnswersThenRates1, TimeSpan.Zero) with { Calls = calls, MaxConcurrent = calls, Timeout = runFor };
        SippCall agent = scene.Phones.AgentCall(Scenarios.AgentCallsThenHangsUp, Agent, AgentPassword, Customer, Talk)
            with { Calls = calls, CallsPerSecond = perSecond, MaxConcurrent = calls, Timeout = runFor };

        // The suite's controller shares this process with the suite's own listeners; for the measurement the
        // calls go to `ivrctl serve` in a process of its own, on the same settings, and the suite's comes back after.
        await deployment.RestartControllerAsync(async () =>
        {
            await using ControllerProcess controller = await ControllerProcess.StartAsync(deployment.ControllerArguments());
            try
            {
                await PlayRoundsAsync(controller);
            }
            catch
            {
                // The measured controller's own log is not in the scene's: show it with the failure.
                output.WriteLine($"======== ivrctl serve said:{Environment.NewLine}{controller.Output}");
                throw;
            }
        });

        // A fresh controller's first calls pay for JIT compilation: one round cold, then the same again warm, and a
        // third, settled, once the runtime has recompiled most of what got hot (bench/README: an idle controller).
        async Task PlayRoundsAsync(ControllerProcess controller)
        {
            foreach (string round in new[] { "cold", "warm", "settled" })
            {
                DateTimeOffset roundStarted = DateTimeOffset.UtcNow;
                TimeSpan controllerBefore = controller.ProcessorTime();
                TimeSpan switchBefore = SwitchProcessorTime();
                var started = Stopwatch.StartNew();
                SippProcess pstnSide = await scene.StartAsync(pstn with { Name = $"pstn-{round}" });
                SippProcess agentSide = await scene.StartAsync(agent with { Name = $"agent-{round}" });
                SippResult agentResult = await agentSide.Completion;
                SippResult pstnResult = await pstnSide.Completion;
                long rated = await WaitForRatingsAsync(roundStarted, calls, TimeSpan.FromSeconds(30));
                TimeSpan elapsed = started.Elapsed;
                double controllerMs = (controller.ProcessorTime() - controllerBefore).TotalMilliseconds;
                double switchMs = (SwitchProcessorTime() - switchBefore).TotalMilliseconds;

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"LOAD ({round}) {calls} calls at {perSecond}/s in {elapsed.TotalSeconds:0.0} s: agent phone {agentResult.Meaning}, PSTN phone {pstnResult.Meaning}; " +
                    $"surveys stored {rated}/{calls}; controller {controllerMs:0} ms CPU ({controllerMs / calls:0.00} ms per call), " +
                    $"switch {switchMs:0} ms ({switchMs / calls:0.00} ms per call); controller / switch = {controllerMs / switchMs:0.000}"));
                Assert.True(agentResult.Succeeded, $"the agent phone's calls ({round}): {agentResult.Meaning}; logs in {scene.LogDirectory}");
                Assert.True(pstnResult.Succeeded, $"the PSTN phone's calls ({round}): {pstnResult.Meaning}; logs in {scene.LogDirectory}");
                Assert.Equal(calls, rated);
            }
        }
    });

    /// <summary>Rated surveys stored since the scene started, once they reach <paramref name="expected"/> or time runs out.</summary>
    private async Task<long> WaitForRatingsAsync(DateTimeOffset since, int expected, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var connection = new NpgsqlConnection(deployment.Database);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("select count(*) from survey_results where outcome = 'rated' and started_at >= @since", connection);
            count.Parameters.AddWithValue("since", since.AddSeconds(-1));
            long rated = (long)(await count.ExecuteScalarAsync())!;
            if (rated >= expected || deadline.Elapsed > timeout)
            {
                return rated;
            }

            await Task.Delay(500);
        }
    }

    /// <summary>
    /// CPU time of the switch under test, from /proc: the freeswitch process listening on its event socket's port
    /// (a second switch for the tests across switches may run beside it and is not counted).
    /// </summary>
    private TimeSpan SwitchProcessorTime()
    {
        int port = deployment.Switch.Esl.Port;
        HashSet<string> listening = ListeningSocketInodes(port);
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() != "freeswitch"
                    || !Directory.EnumerateFileSystemEntries(Path.Combine(dir, "fd")).Any(fd => new FileInfo(fd).LinkTarget is { } target && listening.Contains(target)))
                {
                    continue;
                }

                // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
                string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                // Linux reports these in clock ticks of 1/100 s (USER_HZ).
                return TimeSpan.FromMilliseconds(ticks * 10);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended, or is not ours to look into.
            }
        }

        throw new InvalidOperationException($"no freeswitch process listens on port {port} (the switch under test's event socket)");
    }

    /// <summary>The <c>socket:[inode]</c> names of the TCP sockets listening on <paramref name="port"/> (/proc/net/tcp and tcp6).</summary>
    private static HashSet<string> ListeningSocketInodes(int port)
    {
        const string Listen = "0A";
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (string table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (string line in File.Exists(table) ? File.ReadLines(table).Skip(1) : [])
            {
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                string[] columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 9 && columns[3] == Listen
                    && int.Parse(columns[1][(columns[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
                {
                    inodes.Add($"socket:[{columns[9]}]");
                }
            }
        }

        return inodes;
    }
}
