using System.Diagnostics;

namespace IvrController.Integration.Acceptance;

/// <summary>
/// <c>ivrctl serve</c> in a process of its own (the build next to the tests), for measuring the controller
/// alone. Ready once it logs "Controller ready"; stopped with SIGTERM, as a service manager would.
/// </summary>
public sealed class ControllerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ControllerProcess(Process process)
    {
        _process = process;
    }

    public static async Task<ControllerProcess> StartAsync(IReadOnlyList<string> serveArguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ivrctl.dll"));
        start.ArgumentList.Add("serve");
        foreach (string argument in serveArguments)
        {
            start.ArgumentList.Add(argument);
        }

        var controller = new ControllerProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start ivrctl serve"));
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        controller._process.OutputDataReceived += (_, line) => controller.Seen(line.Data, ready);
        controller._process.ErrorDataReceived += (_, line) => controller.Seen(line.Data, ready);
        controller._process.BeginOutputReadLine();
        controller._process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            await controller.DisposeAsync();
            throw new InvalidOperationException($"ivrctl serve did not become ready in 60 s; it said:{Environment.NewLine}{controller.Output}");
        }

        return controller;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <summary>User and system CPU the controller's process has used so far.</summary>
    public TimeSpan ProcessorTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Completes once a line of the controller's output satisfies <paramref name="match"/>; returns that line.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> match, string what, TimeSpan timeout)
    {
        string? found = null;
        bool Logged()
        {
            lock (_output)
            {
                found = _output.FirstOrDefault(match);
            }

            return found is not null;
        }

        try
        {
            await Polling.UntilAsync(Logged, $"the controller process to log {what}", timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; it said:{Environment.NewLine}{Output}", e);
        }

        return found!;
    }

    /// <summary>Kills the controller at once (SIGKILL): no call is drained, nothing is written, its sockets are simply closed.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (Process term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

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

        _process.Dispose();
    }

    private void Seen(string? line, TaskCompletionSource ready)
    {
        if (line is null)
        {
            ready.TrySetException(new InvalidOperationException($"ivrctl serve ended before it was ready:{Environment.NewLine}{Output}"));
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line.Contains("Controller ready", StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
    }
}
