using IvrController.Flows;
using IvrController.Hosting;
using IvrController.Web.Status;
using Npgsql;
using Xunit;

namespace IvrController.Web.Tests.Status;

/// <summary>/readyz's three answers and /metrics' text, from a controller state given by the test.</summary>
public sealed class ReadinessAndMetricsTests
{
    private static readonly ControllerStatusReport Healthy = new(
        RulesLoaded: true, RulesVersion: 42, SwitchConnected: true, EventsDropped: 7, JournalBacklogBytes: 0,
        Calls: [new CallCount("outbound", "bridged", 3), new CallCount("survey", "surveyed", 1)]);

    [Fact]
    public async Task A_database_outage_is_degraded_not_down_because_calls_keep_working()
    {
        await using NpgsqlDataSource away = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=1");

        (int status, string text) = await new Readiness(new FixedStatus(Healthy with { JournalBacklogBytes = 512 }), new DatabaseProbe(away)).CheckAsync(CancellationToken.None);

        Assert.Equal(200, status);
        Assert.StartsWith("status: degraded\n", text, StringComparison.Ordinal);
        Assert.Contains("database: unreachable: calls go on with the rules in memory", text, StringComparison.Ordinal);
        Assert.Contains("journal: 512 bytes waiting", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_rules_the_controller_is_not_ready()
    {
        await using NpgsqlDataSource away = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=1");

        (int status, string text) = await new Readiness(new FixedStatus(Healthy with { RulesLoaded = false }), new DatabaseProbe(away)).CheckAsync(CancellationToken.None);

        Assert.Equal(503, status);
        Assert.StartsWith("status: not ready\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_in_the_prometheus_text_format_with_one_help_and_type_per_family()
    {
        await using NpgsqlDataSource away = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=1");

        string text = await new MetricsText(new FixedStatus(Healthy), new DatabaseProbe(away)).WriteAsync(CancellationToken.None);
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Contains("ivr_calls_total{flow=\"outbound\",outcome=\"bridged\"} 3", lines);
        Assert.Contains("ivr_calls_total{flow=\"survey\",outcome=\"surveyed\"} 1", lines);
        Assert.Contains("ivr_rules_version 42", lines);
        Assert.Contains("ivr_esl_connected 1", lines);
        Assert.Contains("ivr_esl_events_dropped_total 7", lines);
        Assert.Contains("ivr_database_up 0", lines);
        var families = lines.Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToList();
        Assert.Equal(families.Distinct(), families);
        Assert.All(lines.Where(l => !l.StartsWith('#')), l => Assert.Contains(families, f => l.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_call_outcome_has_a_flow_and_a_snake_case_label()
    {
        var labels = Enum.GetValues<CallOutcomeKind>().Select(kind => (ControllerStatus.Flow(kind), ControllerStatus.Outcome(kind))).ToList();

        Assert.Contains(("outbound", "customer_not_reached"), labels);
        Assert.Contains(("inbound", "agent_answered"), labels);
        Assert.Contains(("survey", "survey_skipped"), labels);
        Assert.Contains(("dispatch", "faulted"), labels);
        Assert.All(labels, l => Assert.Matches("^[a-z_]+$", l.Item2));
    }

    private sealed class FixedStatus(ControllerStatusReport report) : IControllerStatus
    {
        public ControllerStatusReport Read() => report;
    }
}
