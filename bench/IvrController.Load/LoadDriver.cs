using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace IvrController.Load;

/// <summary>
/// The load harness: a fresh call centre database, the controller in a child process, and the fake switch
/// playing whole calls against it at a fixed rate (or parking many at once). Prints the figures and writes
/// them as markdown (bench/README.md, Load).
/// </summary>
internal static class LoadDriver
{
    public static async Task<int> RunAsync(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"load: {e.Message}");
            return 2;
        }

        var report = new StringBuilder();
        string spin = Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit") ?? "(unset: the controller's own setting)";
        string settings = options.ControllerSettings.Count > 0 ? $"; controller settings {string.Join(' ', options.ControllerSettings)}" : "";
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Load run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}; DOTNET_ThreadPool_UnfairSemaphoreSpinLimit={spin}{settings}");
        report.AppendLine();
        bool ok = options.Hold is { } hold ? await HoldRunAsync(options, hold, report)
            : options.Against is { } baseline ? await PairedRunAsync(options, baseline, report)
            : await RateRunAsync(options, report);
        string text = report.ToString();
        Console.WriteLine();
        Console.WriteLine(text);
        await File.WriteAllTextAsync(options.Output, text);
        Console.WriteLine($"(written to {Path.GetFullPath(options.Output)})");
        return ok ? 0 : 1;
    }

    private static async Task<bool> RateRunAsync(LoadOptions options, StringBuilder report)
    {
        string database = await LoadCentre.CreateAsync(options.ServerConnectionString!);
        bool ok;
        await using (ControllerChild controller = await ControllerChild.StartAsync(database, "load-controller.log", oneCore: false, options.ControllerSettings))
        {
            var mix = new CallMix();
            var player = new CallPlayer(controller.EndPoint, mix);
            Progress($"warm-up: {options.WarmUp} calls at {options.Rate}/s");
            await AtRateAsync(player, 0, options.WarmUp, options.Rate);
            ControllerStats before = await controller.StatsAsync();
            var sentBefore = player.Sent;
            Progress($"measured: {options.Calls} calls at {options.Rate}/s");
            long started = Stopwatch.GetTimestamp();
            IReadOnlyList<CallTiming> calls = await AtRateAsync(player, options.WarmUp, options.Calls, options.Rate);
            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            ControllerStats after = await controller.StatsAsync();
            ok = Describe(report, $"{options.Calls} calls at {options.Rate:0.#}/s (after {options.WarmUp} warm-up calls)", calls, before, after, elapsed);
            var sent = player.Sent;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"- the switch sent per call: {(double)(sent.Frames - sentBefore.Frames) / options.Calls:0.0} frames ({(double)(sent.Events - sentBefore.Events) / options.Calls:0.0} events), {(double)(sent.Bytes - sentBefore.Bytes) / options.Calls / 1024:0.0} KiB");
            report.AppendLine();
            ok &= await DescribeStoredAsync(report, database);
        }

        if (options.Saturate)
        {
            string second = await LoadCentre.CreateAsync(options.ServerConnectionString!);
            await using ControllerChild oneCore = await ControllerChild.StartAsync(second, "load-controller-one-core.log", oneCore: true, options.ControllerSettings);
            var player = new CallPlayer(oneCore.EndPoint, new CallMix());
            Progress($"one core: warm-up {options.WarmUp} calls, then {options.Calls} calls, {options.Concurrency} at a time");
            await ClosedLoopAsync(player, 0, options.WarmUp, options.Concurrency);
            ControllerStats before = await oneCore.StatsAsync();
            long started = Stopwatch.GetTimestamp();
            IReadOnlyList<CallTiming> calls = await ClosedLoopAsync(player, options.WarmUp, options.Calls, options.Concurrency);
            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            ControllerStats after = await oneCore.StatsAsync();
            ok &= Describe(report, $"Controller on one core (taskset -c 1), {options.Calls} calls as fast as they go, {options.Concurrency} at a time", calls, before, after, elapsed);
            report.AppendLine(CultureInfo.InvariantCulture, $"- **calls/s on one core**: {options.Calls / elapsed.TotalSeconds:0} (the fake switch shares the machine's other core)");
        }

        return ok;
    }

    /// <summary>
    /// This build's controller and another build's, side by side on the same machine, each with its own database: the
    /// same calls at the same rate, the other's half a period after this one's, measured over the same minutes. Whatever
    /// else the machine does meanwhile lands on both, so the ratio holds where two runs an hour apart differ by a sixth.
    /// </summary>
    private static async Task<bool> PairedRunAsync(LoadOptions options, string baselineHarness, StringBuilder report)
    {
        string database = await LoadCentre.CreateAsync(options.ServerConnectionString!);
        string baselineDatabase = await LoadCentre.CreateAsync(options.ServerConnectionString!);
        await using ControllerChild controller = await ControllerChild.StartAsync(database, "load-controller.log", oneCore: false, options.ControllerSettings);
        await using ControllerChild baseline = await ControllerChild.StartAsync(
            baselineDatabase, "load-controller-baseline.log", oneCore: false, options.ControllerSettings, baselineHarness);
        CallPlayer[] players = [new(controller.EndPoint, new CallMix()), new(baseline.EndPoint, new CallMix())];
        Progress($"side by side with {baselineHarness}: warm-up {options.WarmUp} calls each at {options.Rate}/s each");
        await SideBySideAsync(players, 0, options.WarmUp, options.Rate);
        ControllerStats[] before = [await controller.StatsAsync(), await baseline.StatsAsync()];
        Progress($"measured: {options.Calls} calls each at {options.Rate}/s each");
        long started = Stopwatch.GetTimestamp();
        IReadOnlyList<CallTiming>[] calls = await SideBySideAsync(players, options.WarmUp, options.Calls, options.Rate);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
        ControllerStats[] after = [await controller.StatsAsync(), await baseline.StatsAsync()];

        bool ok = Describe(report, $"This build: {options.Calls} calls at {options.Rate:0.#}/s (after {options.WarmUp} warm-up calls), beside the baseline", calls[0], before[0], after[0], elapsed);
        ok &= Describe(report, $"Baseline ({baselineHarness}): the same calls, half a period later", calls[1], before[1], after[1], elapsed);
        double PerCall(int side, Func<ControllerStats, double> counter) => (counter(after[side]) - counter(before[side])) / calls[side].Count;
        double? PerCallIfReported(int side, Func<ControllerStats, double?> counter) => Delta(before[side], after[side], counter) / calls[side].Count;
        double cpu = PerCall(0, s => s.CpuMs), baselineCpu = PerCall(1, s => s.CpuMs);
        report.AppendLine("### This build / baseline, same minutes");
        report.AppendLine();
        report.Append(CultureInfo.InvariantCulture, $"- **CPU per call: {cpu / baselineCpu:0.000}** ({cpu:0.00} / {baselineCpu:0.00} ms)");
        if (PerCallIfReported(0, s => s.JitMs) is { } jit && PerCallIfReported(1, s => s.JitMs) is { } baselineJit)
        {
            report.Append(CultureInfo.InvariantCulture, $"; without compiling: {(cpu - jit) / (baselineCpu - baselineJit):0.000} ({cpu - jit:0.00} / {baselineCpu - baselineJit:0.00} ms)");
        }

        report.AppendLine();
        if (PerCallIfReported(0, s => s.ContextSwitches) is { } switches && PerCallIfReported(1, s => s.ContextSwitches) is { } baselineSwitches)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- context switches per call: {switches / baselineSwitches:0.000} ({switches:0.0} / {baselineSwitches:0.0})");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"- allocated per call: {PerCall(0, s => s.Allocated) / PerCall(1, s => s.Allocated):0.000} ({PerCall(0, s => s.Allocated) / 1024:0.0} / {PerCall(1, s => s.Allocated) / 1024:0.0} KiB)");
        report.AppendLine();
        ok &= await DescribeStoredAsync(report, database);
        ok &= await DescribeStoredAsync(report, baselineDatabase);
        return ok;
    }

    /// <summary>Call i to the first player at i/rate, to the second half a period later: both at the rate, never at the same instant.</summary>
    private static async Task<IReadOnlyList<CallTiming>[]> SideBySideAsync(CallPlayer[] players, int first, int count, double rate)
    {
        var calls = new[] { new List<Task<CallTiming>>(count), new List<Task<CallTiming>>(count) };
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < 2 * count; i++)
        {
            int side = i % 2, sequence = first + (i / 2);
            await UntilAsync(start, i, 2 * rate);
            calls[side].Add(Task.Run(() => players[side].PlayAsync(sequence)));
        }

        return [await Task.WhenAll(calls[0]), await Task.WhenAll(calls[1])];
    }

    private static async Task<bool> HoldRunAsync(LoadOptions options, int hold, StringBuilder report)
    {
        string database = await LoadCentre.CreateAsync(options.ServerConnectionString!);
        await using ControllerChild controller = await ControllerChild.StartAsync(database, "load-controller-hold.log", oneCore: false, options.ControllerSettings);
        var player = new CallPlayer(controller.EndPoint, new CallMix());
        Progress($"warm-up: {options.WarmUp} calls");
        await AtRateAsync(player, 0, options.WarmUp, options.Rate);
        bool ok = true;
        int sequence = 1_000_000;

        // What the controller burns doing nothing (timers, the switch reconnect loop, the stats themselves),
        // taken off each phase so that per-call CPU is the calls' own; measured once the warm-up's
        // background work (tiered JIT, the thread pool settling) is over.
        await Task.Delay(TimeSpan.FromSeconds(10));
        ControllerStats idleFrom = await controller.StatsAsync();
        long idleStart = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(5));
        ControllerStats idleTo = await controller.StatsAsync();
        double idleCpuPerSecond = (idleTo.CpuMs - idleFrom.CpuMs) / Stopwatch.GetElapsedTime(idleStart).TotalSeconds;
        report.AppendLine(CultureInfo.InvariantCulture, $"Idle controller: {idleCpuPerSecond:0.0} ms CPU per second (taken off the figures below).");
        report.AppendLine();
        report.AppendLine("| Calls held at once | CPU ms per call (open, bridge, hang-up) | RSS while held | RSS per held call | Managed heap while held | Threads while held | Call sockets while held | After all hung up: sessions, call sockets, database connections, open files (idle before) |");
        report.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---|");
        // The first small phase runs the hang-up paths for the first time (JIT): it is shown, but the second is the comparison.
        foreach (int count in new[] { 100, 100, hold })
        {
            ControllerStats idle = await controller.StatsAsync();
            long phaseStart = Stopwatch.GetTimestamp();
            using var hangUp = new CancellationTokenSource();
            int bridged = 0;
            var allBridged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task whenBridged()
            {
                if (Interlocked.Increment(ref bridged) == count)
                {
                    allBridged.TrySetResult();
                }

                return Task.CompletedTask;
            }

            Progress($"holding {count} calls: opening at {options.Rate}/s");
            var calls = new List<Task<bool>>(count);
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < count; i++)
            {
                await UntilAsync(start, i, options.Rate);
                calls.Add(player.HoldAsync(sequence++, whenBridged, hangUp.Token));
            }

            await Task.WhenAny(allBridged.Task, Task.WhenAll(calls));
            ControllerStats held = await controller.StatsAsync();
            Progress($"{count} calls bridged; rss {held.Rss / 1048576:0} MiB; hanging up");
            await hangUp.CancelAsync();
            bool[] ended = await Task.WhenAll(calls);
            await Task.Delay(TimeSpan.FromSeconds(2));
            ControllerStats done = await controller.StatsAsync();
            ok &= ended.All(e => e) && done.Sessions == 0 && done.CallSockets == 0;
            double phaseSeconds = Stopwatch.GetElapsedTime(phaseStart).TotalSeconds;
            double cpuPerCall = (done.CpuMs - idle.CpuMs - (idleCpuPerSecond * phaseSeconds)) / count;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {count:N0} | {cpuPerCall:0.00} | {held.Rss / 1048576:0} MiB | {(held.Rss - idle.Rss) / count / 1024:0.0} KiB | {held.ManagedHeap / 1048576:0} MiB | {held.Threads:0} | {held.CallSockets:0} | {done.Sessions:0} sessions, {done.CallSockets:0} call sockets, {done.DatabaseSockets:0} database ({idle.DatabaseSockets:0}), {done.OpenFiles:0} files ({idle.OpenFiles:0}) |");
        }

        return ok;
    }

    private static async Task<IReadOnlyList<CallTiming>> AtRateAsync(CallPlayer player, int first, int count, double rate)
    {
        var calls = new List<Task<CallTiming>>(count);
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            await UntilAsync(start, i, rate);
            calls.Add(Task.Run(() => player.PlayAsync(first + i)));
        }

        return await Task.WhenAll(calls);
    }

    private static async Task<IReadOnlyList<CallTiming>> ClosedLoopAsync(CallPlayer player, int first, int count, int concurrency)
    {
        var results = new CallTiming[count];
        int next = -1;
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                results[i] = await player.PlayAsync(first + i);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        return results;
    }

    private static async Task UntilAsync(long start, int index, double rate)
    {
        TimeSpan due = TimeSpan.FromSeconds(index / rate) - Stopwatch.GetElapsedTime(start);
        if (due > TimeSpan.Zero)
        {
            await Task.Delay(due);
        }
    }

    /// <summary>How far a counter moved between two stats points; null when the controller's build does not report it.</summary>
    private static double? Delta(ControllerStats before, ControllerStats after, Func<ControllerStats, double?> counter) =>
        counter(after) - counter(before);

    private static string PerCallText(double? total, int calls, string format) =>
        total is { } value ? (value / calls).ToString(format, CultureInfo.InvariantCulture) : "(not reported by this build)";

    private static bool Describe(StringBuilder report, string title, IReadOnlyList<CallTiming> calls, ControllerStats before, ControllerStats after, TimeSpan elapsed)
    {
        int failed = calls.Count(c => !c.Ok);
        double[] toBridge = [.. calls.Where(c => c.ConnectToBridge is not null).Select(c => c.ConnectToBridge!.Value.TotalMilliseconds).Order()];
        double cpu = after.CpuMs - before.CpuMs;
        double allocated = after.Allocated - before.Allocated;
        report.AppendLine(CultureInfo.InvariantCulture, $"### {title}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- calls: {calls.Count} ({string.Join(", ", calls.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"))}), failed: {failed}, in {elapsed.TotalSeconds:0.0} s");
        report.AppendLine(CultureInfo.InvariantCulture, $"- **controller CPU per call: {cpu / calls.Count:0.00} ms** ({cpu:0} ms in all; {cpu / elapsed.TotalMilliseconds * 100:0.0}% of one core); context switches per call: {PerCallText(Delta(before, after, s => s.ContextSwitches), calls.Count, "0.0")}");
        if (Delta(before, after, s => s.JitMs) is { } jit && Delta(before, after, s => s.JitMethods) is { } methods)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- of which compiling code: {jit / calls.Count:0.00} ms per call ({methods:0} methods compiled in this phase, {jit:0} ms)");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"- allocated per call: {allocated / calls.Count / 1024:0.0} KiB; collections: {after.Gen0 - before.Gen0:0} (gen 2: {after.Gen2 - before.Gen2:0}, the stats point's own among them), paused {PerCallText(Delta(before, after, s => s.GcPauseMs * 1000), calls.Count, "0")} µs per call; RSS after: {after.Rss / 1048576:0} MiB");
        if (toBridge.Length > 0)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- connect → bridge sent: p50 {Percentile(toBridge, 0.50):0.00} ms, p99 {Percentile(toBridge, 0.99):0.00} ms, max {toBridge[^1]:0.00} ms ({toBridge.Length} bridges)");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"- outcomes counted by the controller in this phase: {string.Join(", ", after.OutcomeKinds.Select(k => (k, n: after.Outcome(k) - before.Outcome(k))).Where(o => o.n > 0).Select(o => $"{o.k} {o.n:0}"))}");
        foreach (var failure in calls.Where(c => !c.Ok).GroupBy(c => c.Failure).Take(5))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- failure ×{failure.Count()}: {failure.Key}");
        }

        report.AppendLine();
        return failed == 0 && after.Outcome("Faulted") == before.Outcome("Faulted");
    }

    private static async Task<bool> DescribeStoredAsync(StringBuilder report, string database)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using NpgsqlCommand count = dataSource.CreateCommand(
            "select (select count(*) from outbound_calls), (select count(*) from outbound_calls where disposition is null), (select count(*) from survey_results where outcome = 'rated')");
        await using NpgsqlDataReader row = await count.ExecuteReaderAsync();
        await row.ReadAsync();
        long outbound = row.GetInt64(0), open = row.GetInt64(1), rated = row.GetInt64(2);
        report.AppendLine(CultureInfo.InvariantCulture, $"Stored in the run's database (warm-up included): {outbound} outbound calls ({open} without an end), {rated} surveys rated.");
        report.AppendLine();
        return open == 0;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void Progress(string what) => Console.Error.WriteLine($"load: {what}");
}
