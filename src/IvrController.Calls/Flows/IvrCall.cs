using IvrController.Esl.Messages;
using IvrController.Rules.Agents;
using IvrController.Rules.Ivr;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using IvrController.Rules.Snapshots;
using Microsoft.Extensions.Logging;

namespace IvrController.Flows;

/// <summary>
/// A caller in the IVR (DESIGN 2.6): the rules' <see cref="IvrNavigator"/> says what to play and
/// where to go; this plays it, collects keys, and rings the chosen agent or skill group.
/// </summary>
public sealed class IvrCall(CallFlowContext context)
{
    private readonly ILogger _logger = context.LoggerFor<IvrCall>();

    /// <summary>Runs the IVR of <paramref name="menu"/>; returns how it ended, for the log and tests.</summary>
    /// <param name="customerE164">The caller's number as stored with the call: E.164, or the raw caller ID when it does not normalise.</param>
    public async Task<CallOutcome> RunAsync(CallLeg caller, RuleSnapshot rules, IvrMenu? menu, string customerE164, CancellationToken cancellationToken)
    {
        Guid callId = caller.CallId;
        caller.AnswerWithNext();
        if (menu is null)
        {
            _logger.LogWarning("Call {CallId}: the dialled number names no IVR menu; playing service_unavailable", callId);
            await caller.PlayThenHangUpAsync(Prompts.ServiceUnavailable, HangupCauses.NormalClearing, cancellationToken).ConfigureAwait(false);
            return CallOutcome.EndedInMenu("no menu");
        }

        IvrStep step = rules.Ivr.Start(menu.Name);
        while (true)
        {
            _logger.LogInformation("Call {CallId} IVR: {Reason}", callId, step.Reason);
            if (step.Notice is { } notice)
            {
                await caller.PlayAsync(notice, cancellationToken).ConfigureAwait(false);
            }

            switch (step.Kind)
            {
                case IvrStepKind.Collect:
                    string? digits = await caller.CollectAsync(new PlayAndGetDigits
                    {
                        MinDigits = 1,
                        MaxDigits = 1,
                        Tries = 1,
                        Timeout = step.Timeout ?? TimeSpan.FromSeconds(5),
                        Terminators = "none",
                        Prompt = Prompts.File(step.Prompt!),
                        VariableName = ChannelVariables.MenuDigit,
                        DigitsRegex = "[0-9*#]",
                    }, cancellationToken).ConfigureAwait(false);
                    step = rules.Ivr.Next(step.State!, IvrInput.FromDigits(digits));
                    break;

                case IvrStepKind.Route:
                    return await RouteAsync(caller, rules, step.Action!, customerE164, cancellationToken).ConfigureAwait(false);

                default:
                    await caller.PlayThenHangUpAsync(Prompts.Goodbye, HangupCauses.NormalClearing, cancellationToken).ConfigureAwait(false);
                    return CallOutcome.EndedInMenu("hung up by the menu");
            }
        }
    }

    private async Task<CallOutcome> RouteAsync(CallLeg caller, RuleSnapshot rules, IvrAction action, string customerE164, CancellationToken cancellationToken)
    {
        IEnumerable<Agent> candidates = action.Kind == IvrActionKind.Agent
            ? rules.TryGetAgent(action.Target!, out Agent? agent) ? [agent] : []
            : rules.AgentsInSkillGroup(action.Target!);
        List<string> available = candidates
            .Where(a => AgentAvailability.Of(a, context.Presence.OnSwitch(a.Id)) is not { IsAvailable: false })
            .Select(a => a.Id)
            .ToList();
        Guid callId = caller.CallId;
        if (available.Count == 0)
        {
            _logger.LogInformation("Call {CallId}: nobody available for {Target}; busy prompt", callId, action);
            await caller.PlayThenHangUpAsync(Prompts.AgentBusy, HangupCauses.NormalClearing, cancellationToken).ConfigureAwait(false);
            return CallOutcome.NoAgent($"{action}: nobody available");
        }

        // A caller without a usable number (anonymous, foreign) still reaches the IVR's agents, masked.
        AgentDisplayResult display = ChineseNumberNormalizer.Default.TryNormalize(customerE164, out PhoneNumber? customer, out _)
            ? await AgentDisplay.ForAgentAsync(customer, rules.Settings.NumberProtection, context.CustomerIds, cancellationToken).ConfigureAwait(false)
            : new AgentDisplayResult(NumberMask.MaskRaw(customerE164), AgentDisplaySource.Mask, "the caller's number does not normalise");
        AgentRinging.Result rung = await AgentRinging.RingAsync(
            caller, available, display, context.Options.SkillGroupRingTimeout, callId, context.Options, context.Locator, cancellationToken).ConfigureAwait(false);
        if (!rung.Answered)
        {
            _logger.LogInformation("Call {CallId}: {Target} did not answer ({Disposition}); busy prompt", callId, action, rung.Disposition);
            await caller.PlayThenHangUpAsync(Prompts.AgentBusy, HangupCauses.NormalClearing, cancellationToken).ConfigureAwait(false);
            return CallOutcome.NoAgent($"{action}: {rung.Disposition}");
        }

        await new AfterAgentConversation(context).FinishAsync(caller, rules, rung.AnsweredBy, customerE164, cancellationToken).ConfigureAwait(false);
        return CallOutcome.AgentAnswered(rung.AnsweredBy ?? action.ToString());
    }
}
