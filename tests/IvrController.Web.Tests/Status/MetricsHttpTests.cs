using IvrController.Flows;
using IvrController.Metrics;
using IvrController.Web.Tests.Rig;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace IvrController.Web.Tests.Status;

/// <summary>/metrics of a running controller shows what its call dispatcher's metrics were fed.</summary>
public sealed class MetricsHttpTests(ConsoleRig rig) : IClassFixture<ConsoleRig>
{
    [Fact]
    public async Task Metrics_show_the_calls_surveys_and_latencies_the_dispatcher_recorded()
    {
        using HttpClient client = rig.NewClient();
        CallMetrics metrics = rig.Services.GetRequiredService<CallDispatcher>().Metrics;
        ExpositionText before = ExpositionText.Parse(await client.GetStringAsync("/metrics"));

        metrics.CallEnded(CallFlowKind.Ivr, CallOutcomeKind.AgentAnswered);
        metrics.CallEnded(CallFlowKind.Ivr, CallOutcomeKind.AgentAnswered);
        metrics.SurveyEnded(SurveyAnswer.Invalid, null);
        metrics.SurveyEnded(SurveyAnswer.Rated, 1);
        metrics.BridgeSent(System.Diagnostics.Stopwatch.GetTimestamp());
        ExpositionText after = ExpositionText.Parse(await client.GetStringAsync("/metrics"));

        Assert.Equal(0, before.Value("ivr_calls_total{flow=\"ivr\",outcome=\"agent_answered\"}"));
        Assert.Equal(2, after.Value("ivr_calls_total{flow=\"ivr\",outcome=\"agent_answered\"}"));
        Assert.Equal(1, after.Value("ivr_surveys_total{outcome=\"invalid\"}"));
        Assert.Equal(1, after.Value("ivr_survey_ratings_total{score=\"1\"}"));
        Assert.Equal(before.Value("ivr_connect_to_bridge_seconds_count") + 1, after.Value("ivr_connect_to_bridge_seconds_count"));
        Assert.Equal(0, after.Value("ivr_esl_connected"));
        Assert.Equal(1, after.Value("ivr_database_up"));
        Assert.Equal(0, after.Value("ivr_caller_id_decisions_total{rule=\"same_region\",tier=\"same_city\"}"));
    }
}
