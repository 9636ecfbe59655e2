using IvrController.Esl.Messages;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using IvrController.Rules.Snapshots;
using IvrController.Rules.Surveys;
using Microsoft.Extensions.Logging;

namespace IvrController.Flows;

/// <summary>
/// The customer leg that transfer_after_bridge sent back after the agent hung up first: everything
/// it needs travels in its channel variables (DESIGN 5: a restarted or different controller must
/// be able to run it).
/// </summary>
public sealed class SurveyHandBack(CallFlowContext context)
{
    private readonly ILogger _logger = context.LoggerFor<SurveyHandBack>();

    public async Task<CallOutcome> RunAsync(CallLeg customer, CancellationToken cancellationToken)
    {
        RuleSnapshot rules = context.Rules();
        string? callText = customer.Variable(ChannelVariables.CallId);
        string? templateId = customer.Variable(ChannelVariables.SurveyTemplate);
        string? customerE164 = customer.Variable(ChannelVariables.Customer);
        string? agentId = customer.Variable(ChannelVariables.AgentId);
        if (!Guid.TryParse(callText, out Guid callId) || templateId is null || customerE164 is null)
        {
            _logger.LogError("Survey hand-back {Uuid} lacks {CallId}, {Template} or {Customer}; ending the call", customer.Session.UniqueId, ChannelVariables.CallId, ChannelVariables.SurveyTemplate, ChannelVariables.Customer);
            return await EndAsync(customer, "missing variables", cancellationToken).ConfigureAwait(false);
        }

        // The template in force now, if it is still usable; an admin may have switched the survey off meanwhile.
        if (!rules.TryGetSurveyTemplate(templateId, out SurveyTemplate? template) || !template.Enabled)
        {
            _logger.LogInformation("Call {CallId}: survey template {Template} is gone or disabled; no survey", callId, templateId);
            return await EndAsync(customer, "no survey", cancellationToken).ConfigureAwait(false);
        }

        SurveyOutcome outcome = await new SatisfactionSurvey(context).RunAsync(customer, template, callId, agentId, customerE164, cancellationToken).ConfigureAwait(false);
        _logger.LogDebug("Call {CallId}: survey for {Customer} done", callId, NumberMask.MaskText(customerE164));
        return new CallOutcome(CallOutcomeKind.Surveyed, $"survey: {outcome.Kind}");
    }

    private static async Task<CallOutcome> EndAsync(CallLeg customer, string why, CancellationToken cancellationToken)
    {
        await customer.PlayAsync(Prompts.Goodbye, cancellationToken).ConfigureAwait(false);
        await customer.HangupAsync(HangupCauses.NormalClearing, cancellationToken).ConfigureAwait(false);
        return new CallOutcome(CallOutcomeKind.SurveySkipped, why);
    }
}
