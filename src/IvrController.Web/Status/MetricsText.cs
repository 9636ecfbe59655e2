using System.Globalization;
using System.Text;

namespace IvrController.Web.Status;

/// <summary>
/// /metrics in the Prometheus text format (version 0.0.4), written by hand: the controller's gauges here, the
/// call families (counters and histograms) from the controller's call metrics.
/// </summary>
public sealed class MetricsText(IControllerStatus controller, DatabaseProbe database)
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public async Task<string> WriteAsync(CancellationToken cancellationToken)
    {
        ControllerStatusReport status = controller.Read();
        bool databaseUp = await database.IsUpAsync(cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder();

        controller.WriteCallMetrics(text);
        Family(text, "ivr_esl_connected", "gauge", "1 when the switch's inbound event socket is connected.");
        Sample(text, "ivr_esl_connected", status.SwitchConnected ? 1 : 0);
        Family(text, "ivr_esl_events_dropped_total", "counter", "Switch events dropped because their reader fell behind.");
        Sample(text, "ivr_esl_events_dropped_total", status.EventsDropped);
        Family(text, "ivr_rules_loaded", "gauge", "1 when a rule snapshot is in memory (calls can be decided).");
        Sample(text, "ivr_rules_loaded", status.RulesLoaded ? 1 : 0);
        Family(text, "ivr_rules_version", "gauge", "rules_version of the rule snapshot in force.");
        Sample(text, "ivr_rules_version", status.RulesVersion);
        Family(text, "ivr_database_up", "gauge", "1 when PostgreSQL answered within 1 s.");
        Sample(text, "ivr_database_up", databaseUp ? 1 : 0);
        if (status.JournalBacklogBytes is { } backlog)
        {
            Family(text, "ivr_journal_backlog_bytes", "gauge", "Call records waiting in the local journal for the database, in bytes.");
            Sample(text, "ivr_journal_backlog_bytes", backlog);
        }

        return text.ToString();
    }

    private static void Family(StringBuilder text, string name, string type, string help) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");

    private static void Sample(StringBuilder text, string series, long value) =>
        text.Append(CultureInfo.InvariantCulture, $"{series} {value}\n");
}
