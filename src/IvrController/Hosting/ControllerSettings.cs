using IvrController.Cluster;
using IvrController.Esl.Inbound;
using IvrController.Esl.Outbound;
using IvrController.CustomerIds;
using IvrController.Flows;
using IvrController.Presence;
using IvrController.Rules.Settings;
using IvrController.Store.Calls.Journal;
using IvrController.Admin.Prompts;
using IvrController.Web.Hosting;
using Npgsql;

namespace IvrController.Hosting;

/// <summary>
/// Everything the controller is configured with, bound from appsettings.json, the environment
/// (<c>IVR_DB</c>, <c>IVR_ESL_PASSWORD</c>, or any key as <c>IVR_Section__Key</c>) and the command
/// line (<c>--Esl:Port=8022</c>). Defaults are safe: loopback everywhere, no default password.
/// </summary>
public sealed class ControllerSettings
{
    public DatabaseSettings Database { get; set; } = new();

    /// <summary>The inbound event socket (api, bgapi, events) of the switch; with <see cref="Switches"/>, what every switch shares (timeouts, the default password).</summary>
    public InboundClientOptions Esl { get; set; } = new();

    /// <summary>Several switches (<c>Switches:N:Name</c>, <c>Host</c>, <c>Port</c>, <c>Password</c>, <c>PeerAddress</c>); empty: the one of <c>Esl:*</c>.</summary>
    public List<SwitchSettings> Switches { get; set; } = [];

    /// <summary>Where the switch's <c>socket</c> application connects to us.</summary>
    public OutboundServerOptions Outbound { get; set; } = new();

    public FlowOptions Flows { get; set; } = new();

    /// <summary>How presence tells agents' phones and calls apart (must match freeswitch-conf/).</summary>
    public PresenceOptions Presence { get; set; } = new();

    /// <summary>Customer-ID mode's lookup: over HTTP when BaseUrl is set, else the customer_ids table.</summary>
    public HttpCustomerIdLookupOptions CustomerIdLookup { get; set; } = new();

    /// <summary>Where call records wait while the database is unreachable (Directory: a local, writable directory).</summary>
    public CallRecordJournalOptions CallJournal { get; set; } = new();

    /// <summary>Several controllers on one database: this controller's id, its leases of caller-number slots, the heartbeat.</summary>
    public ClusterOptions Cluster { get; set; } = new();

    /// <summary>The web console with /metrics, /healthz and /readyz: off unless Web:Enabled; loopback unless Web:AllowRemote.</summary>
    public WebConsoleOptions Web { get; set; } = new();

    /// <summary>The prompts directory shared with the switch, where words are spoken into files; unset, prompts are file names only.</summary>
    public PromptsOptions Prompts { get; set; } = new();

    /// <summary>
    /// Which day "calls today" (daily caps, least-used pick) counts in: an IANA zone id.
    /// </summary>
    public string DayTimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The call centre's day in <see cref="DayTimeZone"/>: what the controller and <c>ivrctl explain</c> count as today.</summary>
    public CallCentreDay Day() => new(TimeZoneInfo.FindSystemTimeZoneById(DayTimeZone));

    /// <summary>Every switch the controller serves, in order: <see cref="Switches"/>, or the one of <c>Esl:*</c> named "default".</summary>
    public IReadOnlyList<SwitchSettings> SwitchList() => Switches.Count > 0
        ? Switches
        : [new SwitchSettings { Name = SwitchSettings.DefaultName, Host = Esl.Host, Port = Esl.Port, Password = Esl.Password }];

    /// <summary>The switches' problems: <c>Esl:*</c>'s own for a single switch, each entry's (named) for a list.</summary>
    public IEnumerable<string> SwitchProblems() => Switches.Count > 0 ? SwitchSettings.Problems(Switches, Esl) : Esl.Validate();

    /// <summary>Every problem, each one line an operator can act on; empty when the controller can start.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Database.ConnectionString))
        {
            problems.Add("Database:ConnectionString is empty: set IVR_DB (or Database:ConnectionString) to the PostgreSQL connection string.");
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
            }
            catch (ArgumentException e)
            {
                problems.Add($"Database:ConnectionString is not a valid connection string: {e.Message}");
            }
        }

        problems.AddRange(Database.Validate());
        if (Database.CallLogGatherWindow >= CallJournal.DatabaseTimeout)
        {
            problems.Add($"Database:CallLogGatherWindow ({Database.CallLogGatherWindow:c}) must be shorter than CallJournal:DatabaseTimeout ({CallJournal.DatabaseTimeout:c}): every gathered record would miss its deadline.");
        }

        problems.AddRange(SwitchProblems());
        problems.AddRange(Outbound.Validate());
        problems.AddRange(Flows.Validate());
        if (CustomerIdLookup.BaseUrl is not null)
        {
            problems.AddRange(CustomerIdLookup.Validate().Select(p => $"CustomerIdLookup: {p}"));
        }

        problems.AddRange(Web.Validate());
        problems.AddRange(Prompts.Problems());
        problems.AddRange(Cluster.Validate());
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(DayTimeZone, out _))
        {
            problems.Add($"DayTimeZone '{DayTimeZone}' is not a known time zone (use an IANA id such as Asia/Shanghai).");
        }

        return problems;
    }
}
