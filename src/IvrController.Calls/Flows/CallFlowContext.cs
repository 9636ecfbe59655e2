using System.Collections.Concurrent;
using IvrController.Cluster;
using IvrController.Metrics;
using IvrController.Rules.Callback;
using IvrController.Rules.Protection;
using IvrController.Rules.Snapshots;
using Microsoft.Extensions.Logging;

namespace IvrController.Flows;

/// <summary>What every call flow reads and writes besides its own session.</summary>
/// <param name="Rules">The rules in force now (a call takes one snapshot at its start and keeps it).</param>
/// <param name="Memory">Callback memory (the call log's outbound calls).</param>
/// <param name="Recorder">Where call records, survey results and missed callbacks go.</param>
/// <param name="CustomerIds">The customer-ID lookup of customer-ID mode (table or HTTP), or null.</param>
/// <param name="Presence">Agents' registrations and live calls.</param>
/// <param name="Usage">Live counters of our numbers.</param>
/// <param name="Options">Switch-side names.</param>
/// <param name="Time">The clock.</param>
/// <param name="Random">The random pick among caller-number candidates.</param>
/// <param name="LoggerFactory">Logs; customers' numbers are only ever logged masked.</param>
public sealed record CallFlowContext(
    Func<RuleSnapshot> Rules,
    ICallbackMemoryStore Memory,
    ICallRecorder Recorder,
    ICustomerIdLookup? CustomerIds,
    IAgentPresence Presence,
    LiveCallerNumberUsage Usage,
    FlowOptions Options,
    TimeProvider Time,
    Random Random,
    ILoggerFactory LoggerFactory)
{
    /// <summary>
    /// The caps shared with the other controllers on the same database: each call's number is granted (or
    /// refused) there. Null: this controller's own counters decide alone.
    /// </summary>
    public SharedCallerNumbers? SharedNumbers { get; init; }

    /// <summary>Which switch an agent is rung on, when the controller serves several; null: always the call's own.</summary>
    public IAgentLocator? Locator { get; init; }

    /// <summary>Which switch a call ran on, by name, for its row in the call log; null: the rows name no switch.</summary>
    public ISwitchNames? Switches { get; init; }

    /// <summary>What /metrics shows about calls; the flows and the dispatcher record into it as calls go.</summary>
    public CallMetrics Metrics { get; init; } = new();

    private readonly ConcurrentDictionary<(ILoggerFactory, Type), ILogger> _loggers = new();

    /// <summary>
    /// The logger of a flow's type, made once and kept: a flow is made per call, and naming a logger after its
    /// type formats the type's name each time.
    /// </summary>
    public ILogger LoggerFor<T>() => _loggers.GetOrAdd((LoggerFactory, typeof(T)), static key => key.Item1.CreateLogger<T>());

    /// <summary>The name of the switch <paramref name="leg"/> runs on, by its channel data's Core-UUID; null when not known.</summary>
    public string? SwitchOf(CallLeg leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return Switches?.NameOf(leg.SwitchCore);
    }
}
