using System.Net;
using IvrController.Integration.Sipp;
using Xunit;
using Xunit.Abstractions;

namespace IvrController.Integration.SelfCheck;

/// <summary>
/// Runs a phone scenario against a peer that plays the switch, both sipp on loopback, each with a
/// timeout; on failure the test output gets both runs' logs.
/// </summary>
public sealed class LoopbackPair(ITestOutputHelper output, string testName)
{
    public static readonly IPAddress Loopback = IPAddress.Loopback;

    public string ScenarioDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Scenarios");

    public string LogDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "test-logs", "self-check", testName);

    public static int Port() => UdpPorts.Allocate(Loopback);

    /// <summary>Starts the waiting side first (it must listen before the other calls), then the calling side.</summary>
    public async Task<(SippResult Waiting, SippResult Calling)> RunAsync(SippCall waiting, SippCall calling)
    {
        Directory.CreateDirectory(LogDirectory);
        await using SippProcess first = SippProcess.Start(waiting, ScenarioDirectory, LogDirectory);
        await first.WaitUntilListeningAsync();
        await using SippProcess second = SippProcess.Start(calling, ScenarioDirectory, LogDirectory);
        SippResult callingResult = await second.Completion;
        SippResult waitingResult = await first.Completion;
        output.WriteLine($"logs: {LogDirectory}");
        return (waitingResult, callingResult);
    }

    /// <summary>Asserts both sides succeeded, printing their logs otherwise.</summary>
    public void AssertBothSucceeded((SippResult Waiting, SippResult Calling) runs)
    {
        if (!runs.Waiting.Succeeded || !runs.Calling.Succeeded)
        {
            output.WriteLine(runs.Waiting.Describe());
            output.WriteLine(runs.Calling.Describe());
        }

        Assert.True(runs.Waiting.Succeeded, $"{runs.Waiting.Call.Name}: exit {runs.Waiting.ExitCode}, {runs.Waiting.Meaning} (logs in the test output and {LogDirectory})");
        Assert.True(runs.Calling.Succeeded, $"{runs.Calling.Call.Name}: exit {runs.Calling.ExitCode}, {runs.Calling.Meaning} (logs in the test output and {LogDirectory})");
    }
}
