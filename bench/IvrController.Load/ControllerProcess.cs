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
    public static async Task<int> RunAsync(string[] hostArgs)
    {
        using AllocationSampler? allocations = Environment.GetEnvironmentVariable("IVR_LOAD_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
        using IHost host = ControllerHost.Build(hostArgs, services => services.AddSingleton<IAgentPresence>(new EveryAgentIdle()));
        await host.StartAsync();
        OutboundServer outbound = host.Services.GetRequiredService<OutboundServer>();
        CallDispatcher dispatcher = host.Services.GetRequiredService<CallDispatcher>();
        Console.Out.WriteLine($"LOAD ready {outbound.LocalEndPoint.Port}");
        Console.Out.Flush();

        while (await Console.In.ReadLineAsync() is { } command)
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

                Console.Out.WriteLine("LOAD stats " + Stats(outbound, dispatcher));
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

    private static string Stats(OutboundServer outbound, CallDispatcher dispatcher)
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
            ("sessions", outbound.ActiveSessions),
        };
        IEnumerable<string> outcomes = dispatcher.Outcomes.Snapshot().Select(o => $"outcome.{o.Key}={o.Value.ToString(CultureInfo.InvariantCulture)}");
        return string.Join(' ', fields.Select(f => $"{f.Name}={f.Value.ToString(CultureInfo.InvariantCulture)}").Concat(outcomes));
    }

    private static int CountOpenFiles() =>
        Directory.Exists("/proc/self/fd") ? Directory.GetFileSystemEntries("/proc/self/fd").Length : -1;
}
