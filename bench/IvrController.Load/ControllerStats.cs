using System.Globalization;

namespace IvrController.Load;

/// <summary>One "LOAD stats" line from the controller process: cumulative counters at that moment.</summary>
internal sealed class ControllerStats(IReadOnlyDictionary<string, double> values)
{
    public double CpuMs => values["cpu_ms"];

    public double Allocated => values["allocated"];

    public double Rss => values["rss"];

    public double ManagedHeap => values["managed_heap"];

    public double Threads => values["threads"];

    public double OpenFiles => values["handles"];

    public double CallSockets => values["call_sockets"];

    public double DatabaseSockets => values["db_sockets"];

    public double Sessions => values["sessions"];

    public double Gen2 => values["gen2"];

    // The counters below came later than the harness: an older build's controller (--against) does not report
    // them, and then they are null, not zero.

    /// <summary>Context switches of the live threads so far (a thread that ended takes its count with it).</summary>
    public double? ContextSwitches => Reported("context_switches");

    /// <summary>Time the runtime spent compiling methods so far (included in <see cref="CpuMs"/>).</summary>
    public double? JitMs => Reported("jit_ms");

    /// <summary>Methods compiled so far, each tier counted (a hot method is compiled two or three times).</summary>
    public double? JitMethods => Reported("jit_methods");

    /// <summary>Time the process was paused for garbage collections so far.</summary>
    public double? GcPauseMs => Reported("gc_pause_ms");

    public double Gen0 => values.GetValueOrDefault("gen0");

    public double Outcome(string kind) => values.GetValueOrDefault("outcome." + kind);

    public IEnumerable<string> OutcomeKinds => values.Keys.Where(k => k.StartsWith("outcome.", StringComparison.Ordinal)).Select(k => k["outcome.".Length..]);

    private double? Reported(string counter) => values.TryGetValue(counter, out double value) ? value : null;

    public static ControllerStats Parse(string line)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string field in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = field.IndexOf('=', StringComparison.Ordinal);
            values[field[..equals]] = double.Parse(field[(equals + 1)..], CultureInfo.InvariantCulture);
        }

        return new ControllerStats(values);
    }
}
