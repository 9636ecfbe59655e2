using System.Diagnostics;
using System.Net;

namespace IvrController.Integration.Sipp;

/// <summary>
/// A running sipp (from PATH) playing one phone. Its output and logs go to files in the test's log
/// directory; it is killed, by its own process id, if it outlives its timeout or the test.
/// </summary>
public sealed class SippProcess : IAsyncDisposable
{
    public const string Program = "sipp";

    // sipp's own -timeout ends a stuck call first; this margin only catches a hung process.
    private static readonly TimeSpan KillMargin = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly CancellationTokenSource _watchdog = new();
    private readonly Task<SippResult> _result;
    private bool _killed;

    private SippProcess(SippCall call, string scenarioPath, SippLogFiles logs)
    {
        Call = call;
        Logs = logs;
        IReadOnlyList<string> arguments = call.Arguments(scenarioPath, logs);
        var start = new ProcessStartInfo(Program)
        {
            WorkingDirectory = logs.Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // sipp draws its screen for a terminal; a dumb one keeps the captured output readable.
        start.Environment["TERM"] = "dumb";
        _process = Process.Start(start) ?? throw new InvalidOperationException("sipp did not start");
        _process.StandardInput.Close();
        Task stdout = CopyAsync(_process.StandardOutput, logs.Stdout);
        Task stderr = CopyAsync(_process.StandardError, logs.Stderr);
        _result = CompleteAsync(arguments, stdout, stderr);
    }

    public SippCall Call { get; }

    public SippLogFiles Logs { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Completes when sipp has exited (or was killed at its timeout).</summary>
    public Task<SippResult> Completion => _result;

    /// <summary>Starts <paramref name="call"/> with its scenario from <paramref name="scenarioDirectory"/>.</summary>
    public static SippProcess Start(SippCall call, string scenarioDirectory, string logDirectory)
    {
        string scenario = Path.Combine(scenarioDirectory, call.Scenario);
        if (!File.Exists(scenario))
        {
            throw new FileNotFoundException($"no scenario {call.Scenario} in {scenarioDirectory}", scenario);
        }

        Directory.CreateDirectory(logDirectory);
        return new SippProcess(call, scenario, new SippLogFiles(logDirectory, call.Name));
    }

    /// <summary>Whether sipp is on PATH.</summary>
    public static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(directory => File.Exists(Path.Combine(directory, Program)));

    /// <summary>Completes once this phone listens on its SIP port (for a phone that waits for a call).</summary>
    public Task WaitUntilListeningAsync(CancellationToken cancellationToken = default) =>
        UdpPorts.WaitUntilBoundAsync(IPAddress.Parse(Call.LocalIp), Call.LocalPort, () => _process.HasExited, TimeSpan.FromSeconds(10), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        try
        {
            await _result.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The result was already reported (or nobody wanted it): disposal only cleans up.
        }

        await _watchdog.CancelAsync();
        _watchdog.Dispose();
        _process.Dispose();
    }

    private async Task<SippResult> CompleteAsync(IReadOnlyList<string> arguments, Task stdout, Task stderr)
    {
        TimeSpan limit = Call.Timeout + KillMargin;
        Task exited = _process.WaitForExitAsync();
        Task timer = Task.Delay(limit, _watchdog.Token);
        if (await Task.WhenAny(exited, timer).ConfigureAwait(false) != exited)
        {
            Kill();
            await exited.ConfigureAwait(false);
        }

        await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        return new SippResult(Call, arguments, _process.ExitCode, _killed, Logs);
    }

    private void Kill()
    {
        try
        {
            _killed = true;
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    private static async Task CopyAsync(StreamReader source, string path)
    {
        await using var target = new StreamWriter(path);
        await target.WriteAsync(await source.ReadToEndAsync().ConfigureAwait(false)).ConfigureAwait(false);
    }
}
