namespace IvrController.Hosting;

/// <summary>
/// Where the controller's socket work runs. By default .NET hands every socket completion from its event
/// thread (epoll) to the thread pool, which wakes a worker and, before running it, a second one: a call's
/// few dozen small messages (each command reply, each event, each database answer) then cost two or three
/// thread wake-ups each, and on a mostly idle controller those wake-ups were most of its CPU. With inline
/// completions the event thread (one per core) reads the frame and runs the code waiting for it up to its
/// next await; the ESL layer completes its waiters synchronously for the same reason. On FreeSWITCH 1.10.12,
/// 150 calls at 5/s: 10.4 → 6.7 ms of controller CPU per call (bench/README.md, Load on a real switch).
/// <para>
/// The cost: code that blocks after a socket read holds up every socket of that event thread. Nothing on the
/// call path blocks; the two places that do heavy or blocking work after a database reply (building a rule
/// snapshot, the journal's fsync during a database outage) move to the thread pool first.
/// </para>
/// </summary>
public static class SocketCompletions
{
    /// <summary>The runtime's switch: read once, when the process first uses an asynchronous socket.</summary>
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Asks for inline completions unless the environment already says (set it to 0 to keep the thread-pool
    /// hand-off). Must run before the process opens its first socket; later it changes nothing.
    /// </summary>
    public static void RunInline()
    {
        if (Environment.GetEnvironmentVariable(Variable) is null)
        {
            Environment.SetEnvironmentVariable(Variable, "1");
        }
    }
}
