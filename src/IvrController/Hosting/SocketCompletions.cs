namespace IvrController.Hosting;

/// <summary>
/// Where the controller's socket work runs. By default .NET hands every socket completion from its event
/// thread (epoll) to the thread pool, which wakes a worker and, before running it, a second one: a call's
/// few dozen small messages (each command reply, each event, each database answer) then cost two or three
/// thread wake-ups each, and on a mostly idle controller those wake-ups were most of its CPU. With inline
/// completions the event thread reads the frame and runs the code waiting for it up to its next await; the
/// ESL layer completes its waiters synchronously for the same reason. On FreeSWITCH 1.10.12, 150 calls at
/// 5/s: 10.4 → 6.7 ms of controller CPU per call (bench/README.md, Load on a real switch).
/// <para>
/// The cost: code that blocks after a socket read holds up every socket of that event thread. Nothing on the
/// call path blocks; the two places that do heavy or blocking work after a database reply (building a rule
/// snapshot, the journal's fsync during a database outage) move to the thread pool first.
/// </para>
/// <para>
/// With inline completions .NET starts one event thread per core. Half as many serve a controller as well: a
/// call costs a few milliseconds of CPU, so one event thread carries hundreds of calls a second, and fewer
/// threads mean fewer of them waking for a message each (the switch's session and the database connection a
/// flow awaits are then more often on one thread). On 2 cores, one event thread instead of two: 0.90 of the
/// CPU per call in the load harness and 0.95 on FreeSWITCH 1.10.12, latency unchanged (bench/README.md,
/// seventh round).
/// </para>
/// </summary>
public static class SocketCompletions
{
    /// <summary>The runtime's switch for inline completions: read once, when the process first uses an asynchronous socket.</summary>
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>The runtime's switch for the number of event threads, read at the same moment.</summary>
    public const string EventThreadsVariable = "DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT";

    /// <summary>The controller's event threads on a machine of <paramref name="processorCount"/> cores: half of them, at least one.</summary>
    public static int EventThreadsFor(int processorCount) => Math.Max(1, processorCount / 2);

    /// <summary>
    /// Asks for inline completions, on <see cref="EventThreadsFor"/> event threads, each unless the environment
    /// already says (an operator's setting stands: 0 for inline completions keeps the thread-pool hand-off).
    /// Must run before the process opens its first socket; later it changes nothing.
    /// </summary>
    public static void RunInline()
    {
        if (Environment.GetEnvironmentVariable(Variable) is null)
        {
            Environment.SetEnvironmentVariable(Variable, "1");
        }

        if (Environment.GetEnvironmentVariable(EventThreadsVariable) is null)
        {
            Environment.SetEnvironmentVariable(EventThreadsVariable,
                EventThreadsFor(Environment.ProcessorCount).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
