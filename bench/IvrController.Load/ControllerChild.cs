using System.Diagnostics;
using System.Net;
using System.Threading.Channels;

namespace IvrController.Load;

/// <summary>
/// The controller process the driver started: its stdout is read continuously (the "LOAD " lines answer the
/// driver, the rest is the controller's log, kept in a file), stdin carries the driver's commands.
/// </summary>
internal sealed class ControllerChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _answers = Channel.CreateUnbounded<string>();
    private readonly StreamWriter _log;
    private readonly Task _reading;

    private ControllerChild(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
        _reading = ReadAsync();
    }

    public IPEndPoint EndPoint { get; private set; } = new(IPAddress.Loopback, 0);

    public int ProcessId => _process.Id;

    /// <param name="oneCore">Pins the controller to CPU 1 (taskset) and tells the runtime it has one core.</param>
    /// <param name="harness">The harness build whose controller to run (another tree's IvrController.Load.dll); this one's by default.</param>
    public static async Task<ControllerChild> StartAsync(string connectionString, string logPath, bool oneCore, IReadOnlyList<string> settings, string? harness = null)
    {
        string self = harness ?? typeof(ControllerChild).Assembly.Location;
        // One journal directory per controller: a controller locks its own.
        string journal = Path.Combine(Path.GetTempPath(), $"ivr-load-journal-{Environment.ProcessId}-{Path.GetFileNameWithoutExtension(logPath)}");
        string[] hostArgs =
        [
            "controller",
            $"--Database:ConnectionString={connectionString}",
            // No switch's event socket: port 1 refuses, presence comes from EveryAgentIdle instead.
            "--Esl:Password=load-run-not-a-real-switch", "--Esl:Port=1",
            "--Outbound:Port=0",
            $"--CallJournal:Directory={journal}",
            .. settings,
        ];
        var start = new ProcessStartInfo(oneCore && File.Exists("/usr/bin/taskset") ? "/usr/bin/taskset" : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (start.FileName.EndsWith("taskset", StringComparison.Ordinal))
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("1");
            start.ArgumentList.Add("dotnet");
            start.Environment["DOTNET_PROCESSOR_COUNT"] = "1";
        }

        foreach (string pair in (Environment.GetEnvironmentVariable("IVR_LOAD_CONTROLLER_ENV") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            start.Environment[pair.Split('=')[0]] = pair.Split('=', 2)[1];
        }

        start.ArgumentList.Add(self);
        foreach (string arg in hostArgs)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the controller process");
        var child = new ControllerChild(process, new StreamWriter(logPath) { AutoFlush = false });
        string ready = await child.AnswerAsync("ready", TimeSpan.FromSeconds(60));
        child.EndPoint = new IPEndPoint(IPAddress.Loopback, int.Parse(ready, System.Globalization.CultureInfo.InvariantCulture));
        return child;
    }

    public async Task<ControllerStats> StatsAsync()
    {
        await _process.StandardInput.WriteLineAsync("stats");
        await _process.StandardInput.FlushAsync();
        return ControllerStats.Parse(await AnswerAsync("stats", TimeSpan.FromSeconds(60)));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await _process.StandardInput.WriteLineAsync("quit");
            await _process.StandardInput.FlushAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        await _reading;
        await _log.DisposeAsync();
        _process.Dispose();
    }

    private async Task<string> AnswerAsync(string kind, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            string line;
            try
            {
                line = await _answers.Reader.ReadAsync(timeout.Token);
            }
            catch (ChannelClosedException)
            {
                throw new InvalidOperationException($"the controller process ended (exit code {(_process.HasExited ? _process.ExitCode : -1)}) before answering '{kind}'; see its log");
            }

            if (line.StartsWith(kind + " ", StringComparison.Ordinal))
            {
                return line[(kind.Length + 1)..];
            }
        }
    }

    private async Task ReadAsync()
    {
        Task errors = CopyAsync(_process.StandardError, null);
        await CopyAsync(_process.StandardOutput, _answers.Writer);
        await errors;
        _answers.Writer.TryComplete();
    }

    private async Task CopyAsync(StreamReader from, ChannelWriter<string>? answers)
    {
        while (await from.ReadLineAsync() is { } line)
        {
            if (answers is not null && line.StartsWith("LOAD ", StringComparison.Ordinal))
            {
                answers.TryWrite(line[5..]);
                continue;
            }

            lock (_log)
            {
                _log.WriteLine(line);
            }
        }
    }
}
