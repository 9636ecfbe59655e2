using System.Diagnostics;
using System.Globalization;
using IvrController.Esl.Outbound;
using IvrController.Flows;
using IvrController.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IvrController.Load;

/// <summary>
/// The controller under load: the real host (ControllerHost: store, rules, journal, flows, dispatcher, outbound
/// socket) with presence replaced by <see cref="EveryAgentIdle"/>, since no switch reports registrations.
/// Talks to the driver in lines on stdout starting with "LOAD " (everything else there is the controller's log)
/// and takes commands on stdin: "stats" and "quit".
/// </summary>
internal static class ControllerProcess
{
    /// <summary>
    /// The driver's next command. Console reads block (ReadLineAsync on the console is a blocking read), so each
    /// is made on a thread of its own: never on a thread whose blocking would hold up the calls.
    /// </summary>
    private static Task<string?> ReadCommandAsync() =>
        Task.Factory.StartNew(Console.In.ReadLine, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public static async Task<int> RunAsync(string[] hostArgs)
    {
        // As ivrctl serve does, before the first socket.
        SocketCompletions.RunInline();
        using AllocationSampler? allocations = Environment.GetEnvironmentVariable("IVR_LOAD_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
        using ExceptionTally? exceptions = Environment.GetEnvironmentVariable("IVR_LOAD_EXCEPTIONS") == "1" ? new ExceptionTally() : null;
        using IHost host = ControllerHost.Build(hostArgs, services => services.AddSingleton<IAgentPresence>(new EveryAgentIdle()));
        await host.StartAsync();
        OutboundServer outbound = host.Services.GetRequiredService<OutboundServer>();
        int databasePort = host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>() is { } dataSource
            ? new Npgsql.NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Port
            : 5432;
        CallDispatcher dispatcher = host.Services.GetRequiredService<CallDispatcher>();
        Console.Out.WriteLine($"LOAD ready {outbound.LocalEndPoint.Port}");
        Console.Out.Flush();

        while (await ReadCommandAsync() is { } command)
        {
            if (command == "stats")
            {
                if (allocations is not null)
                {
                    foreach ((string type, long bytes) in allocations.Top(25))
                    {
                        Console.Out.WriteLine($"allocations: {bytes / 1024,10:N0} KiB {type}");
                    }
                }

                if (exceptions is not null)
                {
                    foreach ((string thrown, long count) in exceptions.Top(25))
                    {
                        Console.Out.WriteLine($"exceptions: {count,8:N0} {thrown}");
                    }
                }

                Console.Out.WriteLine("LOAD stats " + Stats(outbound, dispatcher, databasePort));
                Console.Out.Flush();
            }
            else if (command == "quit")
            {
                break;
            }
        }

        await host.StopAsync();
        return 0;
    }

    private static string Stats(OutboundServer outbound, CallDispatcher dispatcher, int databasePort)
    {
        // Collect first so the working set says what the calls hold, not what is garbage.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var fields = new (string Name, double Value)[]
        {
            ("cpu_ms", self.TotalProcessorTime.TotalMilliseconds),
            ("user_ms", self.UserProcessorTime.TotalMilliseconds),
            ("allocated", GC.GetTotalAllocatedBytes(precise: true)),
            ("rss", self.WorkingSet64),
            ("managed_heap", GC.GetTotalMemory(forceFullCollection: false)),
            ("gen0", GC.CollectionCount(0)),
            ("gen1", GC.CollectionCount(1)),
            ("gen2", GC.CollectionCount(2)),
            ("threads", self.Threads.Count),
            ("handles", CountOpenFiles()),
            ("call_sockets", CountConnectionsOnPort(outbound.LocalEndPoint.Port, local: true)),
            ("db_sockets", CountConnectionsOnPort(databasePort, local: false)),
            ("sessions", outbound.ActiveSessions),
            ("context_switches", CountContextSwitches()),
            // The runtime compiling (and, tiered, recompiling) methods: part of cpu_ms, reported apart.
            ("jit_ms", System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds),
            ("jit_methods", System.Runtime.JitInfo.GetCompiledMethodCount()),
            // The collector's pauses (also part of cpu_ms when they run on a thread of this process).
            ("gc_pause_ms", GC.GetTotalPauseDuration().TotalMilliseconds),
        };
        IEnumerable<string> outcomes = dispatcher.Outcomes.Snapshot().Select(o => $"outcome.{o.Key}={o.Value.ToString(CultureInfo.InvariantCulture)}");
        return string.Join(' ', fields.Select(f => $"{f.Name}={f.Value.ToString(CultureInfo.InvariantCulture)}").Concat(outcomes));
    }

    /// <summary>
    /// Voluntary and involuntary context switches of the process's live threads (/proc/self/task/*/status):
    /// each is a thread going to sleep or being put off the CPU, the cost the wake-up cuts are measured by.
    /// </summary>
    private static double CountContextSwitches()
    {
        double count = 0;
        foreach (string task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                foreach (string line in File.ReadLines(Path.Combine(task, "status")))
                {
                    if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) || line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                    {
                        count += double.Parse(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (IOException)
            {
                // The thread ended while we looked.
            }
        }

        return count;
    }

    /// <summary>
    /// TCP connections whose local port (the outbound server's: the switch's legs) or remote port (the database's)
    /// is <paramref name="port"/>, not counting TIME_WAIT.
    /// </summary>
    private static int CountConnectionsOnPort(int port, bool local)
    {
        string hexPort = port.ToString("X4", CultureInfo.InvariantCulture);
        int count = 0;
        foreach (string table in new[] { "/proc/self/net/tcp", "/proc/self/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (string line in File.ReadLines(table).Skip(1))
            {
                string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // local_address is ADDR:PORT in hex; state 0A is LISTEN, 06 TIME_WAIT (the kernel's, holding no descriptor).
                if (fields.Length > 3 && fields[local ? 1 : 2].EndsWith(":" + hexPort, StringComparison.Ordinal) && fields[3] is not ("0A" or "06"))
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static int CountOpenFiles() =>
        Directory.Exists("/proc/self/fd") ? Directory.GetFileSystemEntries("/proc/self/fd").Length : -1;
}
