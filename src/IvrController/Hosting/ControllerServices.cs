using System.Net.Http;
using IvrController.Admin.Prompts;
using IvrController.Cluster;
using IvrController.CustomerIds;
using IvrController.Esl.Inbound;
using IvrController.Esl.Outbound;
using IvrController.Flows;
using IvrController.Presence;
using IvrController.Rules.Callback;
using IvrController.Rules.Protection;
using IvrController.Store.Calls;
using IvrController.Switches;
using IvrController.Store.Calls.Journal;
using IvrController.Store.Cluster;
using IvrController.Store.Changes;
using IvrController.Store.Migrations;
using IvrController.Store.Snapshots;
using IvrController.Web.Hosting;
using IvrController.Web.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IvrController.Hosting;

/// <summary>The controller's composition, one room at a time; <see cref="ControllerHost.AddController"/> calls them in order.</summary>
public static class ControllerServices
{
    /// <summary>The key of the connection pool the caller-number slot statements use (commits not waiting for the disk).</summary>
    public const string SlotsDataSource = "caller-number-slots";

    /// <summary>The key of the connection pool only the call log uses (<see cref="CallLogPool"/>: no reset, statements kept prepared).</summary>
    public const string CallLogDataSource = "call-log";

    /// <summary>The database: schema, live rules (reloaded on NOTIFY), the call log, its journal and the callback memory.</summary>
    public static IServiceCollection AddRulesAndCallLog(this IServiceCollection services, ControllerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(_ => NpgsqlDataSource.Create(settings.Database.ConnectionString));
        services.AddSingleton(sp => new DatabaseMigrator(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<ILogger<DatabaseMigrator>>()));
        services.AddSingleton(sp => new RuleSnapshotSource(
            sp.GetRequiredService<NpgsqlDataSource>(), new Rules.Regions.LibPhoneNumberGeocoder(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RuleChangeListener(
            settings.Database.ConnectionString, new RuleChangeListenerOptions(), sp.GetRequiredService<ILogger<RuleChangeListener>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new LiveRules(
            sp.GetRequiredService<RuleSnapshotSource>(), sp.GetRequiredService<RuleChangeListener>(), new LiveRulesOptions(),
            sp.GetRequiredService<ILogger<LiveRules>>(), sp.GetRequiredService<TimeProvider>()));
        // The call log has a pool of its own, without the reset and with prepared statements (CallLogPool says why).
        services.AddKeyedSingleton(CallLogDataSource, (_, _) => NpgsqlDataSource.Create(CallLogPool.ConnectionString(settings.Database.ConnectionString)));
        services.AddSingleton(sp => new CallLog(
            sp.GetRequiredKeyedService<NpgsqlDataSource>(CallLogDataSource), settings.Database.CallLogGatherWindow, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new CallRecordJournal(
            sp.GetRequiredService<CallLog>(), settings.CallJournal, sp.GetRequiredService<ILogger<CallRecordJournal>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(_ => new CallbackMemory(ControllerHost.CallbackMemoryRetention));
        services.AddSingleton<ICallRecorder>(sp => new JournalRecorder(sp.GetRequiredService<CallRecordJournal>(), sp.GetRequiredService<CallbackMemory>()));
        services.AddSingleton(sp => new OutboundCallListener(
            sp.GetRequiredService<CallbackMemory>(), sp.GetRequiredService<CallLog>(), settings.Database.ConnectionString,
            sp.GetRequiredService<ILogger<OutboundCallListener>>(), sp.GetRequiredService<TimeProvider>()));
        // Slot statements commit without waiting for the disk: the lock on a busy number is then held for the
        // statement, not for a WAL flush. A database crash may forget the last moment's reservations (the next
        // start floors today's counts from the call log); the call records keep their full durability.
        services.AddKeyedSingleton(SlotsDataSource, (_, _) =>
        {
            var slots = new NpgsqlConnectionStringBuilder(settings.Database.ConnectionString);
            slots.Options = $"{slots.Options} -c synchronous_commit=off".Trim();
            return NpgsqlDataSource.Create(slots.ConnectionString);
        });
        services.AddSingleton(sp => new CallerNumberSlots(sp.GetRequiredKeyedService<NpgsqlDataSource>(SlotsDataSource)));
        services.AddSingleton(sp => new CallbackLookup(
            sp.GetRequiredService<CallbackMemory>(), sp.GetRequiredService<CallLog>(), ControllerHost.CallLogReadDeadline, sp.GetRequiredService<ILogger<CallbackLookup>>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>The named HTTP client the customer-ID lookup talks to the CRM with.</summary>
    public const string CrmClientName = "crm";

    /// <summary>Customer-ID mode's lookup: the CRM over HTTP when CustomerIdLookup:BaseUrl is set, else the customer_ids table.</summary>
    public static IServiceCollection AddCustomerIdLookup(this IServiceCollection services, ControllerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // The lookup holds its client for the controller's life, so the factory's handler rotation would never
        // reach it: the handler itself renews its connections every few minutes instead, so that a CRM moved
        // behind the same name (DNS) is followed. The lookup logs its own failures without the URL's noise per call.
        services.AddHttpClient(CrmClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.AddSingleton<ICustomerIdLookup>(sp =>
        {
            if (settings.CustomerIdLookup.BaseUrl is not null)
            {
                HttpClient crm = sp.GetRequiredService<IHttpClientFactory>().CreateClient(CrmClientName);
                return new HttpCustomerIdLookup(crm, settings.CustomerIdLookup, sp.GetRequiredService<ILogger<HttpCustomerIdLookup>>(), sp.GetRequiredService<TimeProvider>());
            }

            LiveRules rules = sp.GetRequiredService<LiveRules>();
            return new TableCustomerIdLookup(() => rules.CustomerIds);
        });
        return services;
    }

    /// <summary>
    /// The switches' event sockets (api, events) and presence built from each; <see cref="SwitchFleet"/> answers for
    /// them together. <see cref="InboundClient"/> and <see cref="PresenceTracker"/> alone are the first switch's.
    /// </summary>
    public static IServiceCollection AddSwitch(this IServiceCollection services, ControllerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(sp =>
        {
            IReadOnlyList<SwitchSettings> list = settings.SwitchList();
            ILoggerFactory logs = sp.GetRequiredService<ILoggerFactory>();
            TimeProvider time = sp.GetRequiredService<TimeProvider>();
            var switches = new List<FleetSwitch>(list.Count);
            foreach (SwitchSettings entry in list)
            {
                // One switch logs as it always did; several say which switch a line is about.
                ILogger<T> Log<T>() => list.Count > 1 ? new SwitchLogger<T>(logs, entry.Name) : logs.CreateLogger<T>();
                var client = new InboundClient(entry.EventSocket(settings.Esl), Log<InboundClient>(), time);
                var tracker = new PresenceTracker(client, settings.Presence, Log<PresenceTracker>(), time);
                switches.Add(new FleetSwitch(entry.Name, entry.PeerAddress, client, tracker, logs.CreateLogger<FleetSwitch>()));
            }

            return new SwitchFleet(switches);
        });
        services.AddSingleton(sp => sp.GetRequiredService<SwitchFleet>().Switches[0].Client);
        services.AddSingleton(sp => sp.GetRequiredService<SwitchFleet>().Switches[0].Presence);
        services.AddSingleton<IAgentPresence>(sp => sp.GetRequiredService<SwitchFleet>());
        return services;
    }

    /// <summary>The calls themselves: number counters, the flows' context, the dispatcher and the socket the switch hands calls to.</summary>
    public static IServiceCollection AddCallHandling(this IServiceCollection services, ControllerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(sp => new LiveCallerNumberUsage(sp.GetRequiredService<TimeProvider>(), settings.Day()));
        services.AddSingleton(sp => new SharedCallerNumbers(
            sp.GetRequiredService<CallerNumberSlots>(), sp.GetRequiredService<LiveCallerNumberUsage>(), settings.Cluster,
            settings.Cluster.ResolveControllerId(settings.Outbound.Port), sp.GetRequiredService<ILogger<SharedCallerNumbers>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            LiveRules rules = sp.GetRequiredService<LiveRules>();
            return new CallFlowContext(
                () => rules.Current,
                sp.GetRequiredService<CallbackLookup>(),
                sp.GetRequiredService<ICallRecorder>(),
                sp.GetRequiredService<ICustomerIdLookup>(),
                sp.GetRequiredService<IAgentPresence>(),
                sp.GetRequiredService<LiveCallerNumberUsage>(),
                settings.Flows,
                sp.GetRequiredService<TimeProvider>(),
                Random.Shared,
                sp.GetRequiredService<ILoggerFactory>())
            {
                // One controller counts exactly on its own; several ask the database (Cluster:Enabled).
                SharedNumbers = settings.Cluster.Enabled ? sp.GetRequiredService<SharedCallerNumbers>() : null,
                Locator = sp.GetRequiredService<SwitchFleet>(),
                Switches = sp.GetRequiredService<SwitchFleet>(),
            };
        });
        services.AddSingleton(sp => new CallDispatcher(sp.GetRequiredService<CallFlowContext>()));
        services.AddSingleton(sp =>
        {
            CallDispatcher dispatcher = sp.GetRequiredService<CallDispatcher>();
            return new OutboundServer(settings.Outbound, dispatcher.HandleAsync, sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>());
        });
        return services;
    }

    /// <summary>Start-up in order, then the long-lived loops: rule reloads, the switch connection, journal replay, calls that outlived a controller.</summary>
    public static IServiceCollection AddBackgroundWork(this IServiceCollection services, ControllerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddHostedService<ControllerStartup>();
        services.AddHostedService<RuleReloading>();
        services.AddHostedService<SwitchConnection>();
        services.AddHostedService<CallJournalReplay>();
        if (settings.Cluster.Enabled)
        {
            services.AddHostedService<CallerNumberHeartbeat>();
            services.AddHostedService<CallbackMemorySync>();
        }

        services.AddSingleton(sp => new UnfinishedCalls(
            sp.GetRequiredService<CallLog>(), sp.GetRequiredService<ICallRecorder>(), sp.GetRequiredService<SwitchFleet>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<UnfinishedCalls>>()));
        services.AddHostedService(sp => sp.GetRequiredService<UnfinishedCalls>());
        return services;
    }

    /// <summary>
    /// The web console, /metrics and the health checks (when Web:Enabled), started last: after the schema and
    /// the rules, so its first page already reads a migrated database.
    /// </summary>
    public static IServiceCollection AddWebConsole(this IServiceCollection services, ControllerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Web.Enabled)
        {
            return services;
        }

        services.AddSingleton<IControllerStatus>(sp => new ControllerStatus(
            sp.GetRequiredService<LiveRules>(), sp.GetRequiredService<SwitchFleet>(), sp.GetRequiredService<CallDispatcher>(), sp.GetRequiredService<CallRecordJournal>()));
        services.AddSingleton(sp => new ConsoleParts(
            sp.GetRequiredService<IControllerStatus>(),
            new ConsoleExplainer(
                sp.GetRequiredService<LiveRules>(), sp.GetRequiredService<CallbackLookup>(), sp.GetRequiredService<ICustomerIdLookup>(),
                sp.GetRequiredService<IAgentPresence>(), sp.GetRequiredService<LiveCallerNumberUsage>(), sp.GetRequiredService<TimeProvider>()),
            new ConsoleLiveView(
                sp.GetRequiredService<LiveRules>(), sp.GetRequiredService<SwitchFleet>(),
                sp.GetRequiredService<CallDispatcher>(), sp.GetRequiredService<CallRecordJournal>(), sp.GetRequiredService<TimeProvider>()),
            new ConsoleClickToCall(settings, sp.GetRequiredService<LiveRules>(), sp.GetRequiredService<ICustomerIdLookup>(), sp.GetRequiredService<ILoggerFactory>()),
            settings.Day()));
        services.AddSingleton(sp => new WebConsoleServer(
            settings.Web, sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<ConsoleParts>(), sp.GetRequiredService<ILoggerFactory>(),
            string.IsNullOrWhiteSpace(settings.Prompts.Directory) ? null : new PromptStudio(settings.Prompts)));
        services.AddHostedService(sp => sp.GetRequiredService<WebConsoleServer>());
        return services;
    }
}
