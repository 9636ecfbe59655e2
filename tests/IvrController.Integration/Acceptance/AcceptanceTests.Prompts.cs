using IvrController.Integration.Sipp;
using IvrController.Integration.Switch;
using Npgsql;
using Xunit;
using static IvrController.Integration.Acceptance.DemoCallCentre;

namespace IvrController.Integration.Acceptance;

/// <summary>Prompts as words: what an admin types with ivrctl is what the switch plays on the next call.</summary>
public sealed partial class AcceptanceTests
{
    private const string OutboundSurvey = "外呼满意度";

    [RealSwitchFact]
    public Task The_switch_plays_the_guide_an_admin_typed_on_the_next_survey() => PlayAsync(async scene =>
    {
        Assert.True(Environment.IsPrivilegedProcess,
            "sipp sends the customer's DTMF (survey-digit-1.pcap) through a raw socket: run the suite as root, or give sipp the capability: setcap cap_net_raw+ep \"$(command -v sipp)\"");
        // The controller and the switch see the prompts at one path (Prompts:SwitchDirectory = Prompts:Directory), a container too.
        string prompts = Path.Combine(deployment.PromptsRoot, Guid.NewGuid().ToString("N"));
        const string Words = "请为本次服务评分，满意请按1。";
        await deployment.AdminAsync("templates", "update", OutboundSurvey, "--guide-text", Words, "--prompts-dir", prompts);
        try
        {
            string guide = await StoredGuideAsync();
            Assert.StartsWith(prompts + "/tts-", guide, StringComparison.Ordinal);
            Assert.True(File.Exists(guide), $"the rendered guide {guide} is not in the prompts directory");

            SippProcess pstn = await scene.StartAsync(scene.Phones.PstnSide(Scenarios.PstnAnswersThenRates1, TimeSpan.Zero));
            SippProcess agent = await scene.StartAsync(scene.Phones.AgentCall(Scenarios.AgentCallsThenHangsUp, Agent, AgentPassword, Customer, Talk));
            await scene.SucceedsAsync(agent);
            await scene.SucceedsAsync(pstn);

            CallRecords.OutboundCall call = await CallRecords.LatestOutboundCallAsync(deployment.Database, Agent, scene.StartedAt);
            SwitchEvent asked = await scene.SwitchSendsAsync(
                e => e.Is("CHANNEL_EXECUTE") && e.Application == "play_and_get_digits" && e.Variable("ivr_call_id") == call.CallUuid.ToString(),
                "the survey's play_and_get_digits on the customer's leg");
            Assert.Contains(guide, asked.ApplicationData ?? "", StringComparison.Ordinal);
            // PLAYBACK_START comes only after the switch opened the file: it read the rendered guide, not a missing name.
            await scene.SwitchSendsAsync(
                e => e.Is("PLAYBACK_START") && e.UniqueId == asked.UniqueId && e.Header("Playback-File-Path") == guide,
                $"PLAYBACK_START of {guide} on the customer's leg");
            await scene.ControllerLogsAsync(e => e.Message.StartsWith("Survey '", StringComparison.Ordinal) && e.Message.Contains(call.CallUuid.ToString(), StringComparison.Ordinal), "the survey result being stored");
            CallRecords.SurveyResult result = Assert.Single(await CallRecords.SurveyResultsAsync(deployment.Database, call.CallUuid));
            Assert.Equal(("rated", "1"), (result.Outcome, result.Digit));
        }
        finally
        {
            await deployment.AdminAsync("templates", "update", OutboundSurvey, "--guide", "survey_guide_outbound");
            Directory.Delete(prompts, recursive: true);
        }
    });

    private async Task<string> StoredGuideAsync()
    {
        await using var connection = new NpgsqlConnection(deployment.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select guide_prompt from survey_templates where name = @name", connection);
        command.Parameters.AddWithValue("name", OutboundSurvey);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
