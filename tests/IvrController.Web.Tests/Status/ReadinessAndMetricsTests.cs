using System.Diagnostics;
using System.Text;
using IvrController.Flows;
using IvrController.Metrics;
using IvrController.Web.Status;
using Npgsql;
using Xunit;

namespace IvrController.Web.Tests.Status;

/// <summary>/readyz's three answers and /metrics' text, from a controller state given by the test.</summary>
public sealed class ReadinessAndMetricsTests
{
    private static readonly ControllerStatusReport Healthy = new(
        RulesLoaded: true, RulesVersion: 42, SwitchConnected: true, EventsDropped: 7, JournalBacklogBytes: 0);

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
        CallMetrics calls = Fed();

        string text = await new MetricsText(new FixedStatus(Healthy, calls), new DatabaseProbe(away)).WriteAsync(CancellationToken.None);
        ExpositionText scraped = ExpositionText.Parse(text);

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Equal(3, scraped.Value("ivr_calls_total{flow=\"outbound\",outcome=\"bridged\"}"));
        Assert.Equal(1, scraped.Value("ivr_calls_total{flow=\"callback\",outcome=\"hung_up\"}"));
        Assert.Equal(1, scraped.Value("ivr_calls_total{flow=\"survey\",outcome=\"surveyed\"}"));
        Assert.Equal(0, scraped.Value("ivr_calls_total{flow=\"ivr\",outcome=\"no_agent\"}"));
        Assert.Equal(2, scraped.Value("ivr_surveys_total{outcome=\"rated\"}"));
        Assert.Equal(1, scraped.Value("ivr_surveys_total{outcome=\"hung_up\"}"));
        Assert.Equal(1, scraped.Value("ivr_survey_ratings_total{score=\"5\"}"));
        Assert.Equal(1, scraped.Value("ivr_survey_ratings_total{score=\"other\"}"));
        Assert.Equal(2, scraped.Value("ivr_connect_to_bridge_seconds_count"));
        Assert.Equal(1, scraped.Value("ivr_connect_to_bridge_seconds_bucket{le=\"0.01\"}"));
        Assert.Equal(42, scraped.Value("ivr_rules_version"));
        Assert.Equal(1, scraped.Value("ivr_esl_connected"));
        Assert.Equal(7, scraped.Value("ivr_esl_events_dropped_total"));
        Assert.Equal(0, scraped.Value("ivr_database_up"));
        Assert.Equal("histogram", scraped.Types["ivr_caller_id_decision_seconds"]);
        Assert.All(scraped.Types.Where(t => t.Value == "counter"), t => Assert.EndsWith("_total", t.Key, StringComparison.Ordinal));
    }

    [Fact]
    public void A_histogram_family_is_cumulative_and_its_inf_bucket_is_its_count()
    {
        var histogram = new LatencyHistogram(0.001, 0.01, 0.1);
        foreach (double seconds in (double[])[0.0005, 0.001, 0.002, 0.05, 0.05, 3])
        {
            histogram.Observe((long)(seconds * Stopwatch.Frequency));
        }

        var metrics = new StringBuilder();
        new CallMetrics().WriteTo(metrics);
        ExpositionText scraped = ExpositionText.Parse(metrics.ToString());
        var one = new CallMetrics();
        one.ConnectToBridge.Observe(Stopwatch.Frequency / 1000 * 3);
        var fed = new StringBuilder();
        one.WriteTo(fed);
        ExpositionText afterOne = ExpositionText.Parse(fed.ToString());

        Assert.Equal(6, histogram.Count);
        Assert.InRange(histogram.SumSeconds, 3.10, 3.11);
        Assert.Equal(0, scraped.Value("ivr_connect_to_bridge_seconds_count"));
        Assert.Equal(0, afterOne.Value("ivr_connect_to_bridge_seconds_bucket{le=\"0.002\"}"));
        Assert.Equal(1, afterOne.Value("ivr_connect_to_bridge_seconds_bucket{le=\"0.005\"}"));
        Assert.Equal(1, afterOne.Value("ivr_connect_to_bridge_seconds_bucket{le=\"+Inf\"}"));
        Assert.InRange(afterOne.Value("ivr_connect_to_bridge_seconds_sum"), 0.0029, 0.0031);
    }

    [Fact]
    public void The_parser_rejects_what_a_scraper_would_reject()
    {
        Assert.Throws<FormatException>(() => ExpositionText.Parse("# HELP a_total x\n# TYPE a_total counter\nb_total 1\n"));
        Assert.Throws<FormatException>(() => ExpositionText.Parse(
            "# HELP h x\n# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n"));
        Assert.Throws<FormatException>(() => ExpositionText.Parse(
            "# HELP h x\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 3\n"));
        Assert.Throws<FormatException>(() => ExpositionText.Parse("# HELP c_total x\n# TYPE c_total counter\nc_total{a=\"x\"y\"} 1\n"));
    }

    [Fact]
    public async Task The_grafana_dashboard_queries_only_series_that_metrics_exposes()
    {
        await using NpgsqlDataSource away = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=1");
        ExpositionText scraped = ExpositionText.Parse(await new MetricsText(new FixedStatus(Healthy, Fed()), new DatabaseProbe(away)).WriteAsync(CancellationToken.None));
        string directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "IvrController.sln")))
        {
            directory = Path.GetDirectoryName(directory) ?? throw new InvalidOperationException("no IvrController.sln above the test binaries");
        }

        string dashboard = await File.ReadAllTextAsync(Path.Combine(directory, "docs", "grafana-dashboard.json"));
        var queried = System.Text.RegularExpressions.Regex.Matches(dashboard, "ivr_[a-z_]+").Select(m => m.Value).ToHashSet();

        Assert.Contains("ivr_connect_to_bridge_seconds_bucket", queried);
        Assert.Contains("ivr_caller_id_decisions_total", queried);
        Assert.All(queried, name => Assert.True(
            scraped.Types.ContainsKey(name) || scraped.Types.ContainsKey(name[..name.LastIndexOf('_')]),
            $"{name} is not a family (or a histogram's series) of /metrics"));
    }

    private static CallMetrics Fed()
    {
        var calls = new CallMetrics();
        for (int i = 0; i < 3; i++)
        {
            calls.CallEnded(CallFlowKind.Outbound, CallOutcomeKind.Bridged);
        }

        calls.CallHungUp(CallFlowKind.Callback);
        calls.CallEnded(CallFlowKind.Survey, CallOutcomeKind.Surveyed);
        calls.SurveyEnded(SurveyAnswer.Rated, 5);
        calls.SurveyEnded(SurveyAnswer.Rated, 100);
        calls.SurveyEnded(SurveyAnswer.HungUp, null);
        calls.ConnectToBridge.Observe(Stopwatch.Frequency / 200);
        calls.ConnectToBridge.Observe(Stopwatch.Frequency * 7);
        calls.CallerIdDecision.Observe(Stopwatch.Frequency / 50_000);
        return calls;
    }

    private sealed class FixedStatus(ControllerStatusReport report, CallMetrics? calls = null) : IControllerStatus
    {
        public ControllerStatusReport Read() => report;

        public void WriteCallMetrics(StringBuilder text) => (calls ?? new CallMetrics()).WriteTo(text);
    }
}
