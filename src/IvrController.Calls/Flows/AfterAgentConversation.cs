using IvrController.Esl.Messages;
using IvrController.Rules.Snapshots;
using IvrController.Rules.Surveys;

namespace IvrController.Flows;

/// <summary>
/// A customer's own leg after the agent hung up first (hangup_after_bridge=false kept it): the
/// inbound survey when one is configured, else the end of the call.
/// </summary>
public sealed class AfterAgentConversation(CallFlowContext context)
{
    public async Task FinishAsync(CallLeg customer, RuleSnapshot rules, string? agentId, string customerE164, CancellationToken cancellationToken)
    {
        if (customer.Session.IsHungUp)
        {
            return;
        }

        if (rules.InboundSurvey is SurveyTemplate survey)
        {
            await new SatisfactionSurvey(context).RunAsync(customer, survey, customer.CallId, agentId, customerE164, cancellationToken).ConfigureAwait(false);
            return;
        }

        await customer.HangupAsync(HangupCauses.NormalClearing, cancellationToken).ConfigureAwait(false);
    }
}
