using IvrController.Esl.Messages;
using IvrController.Esl.Outbound;
using IvrController.Metrics;
using IvrController.Rules.Keypad;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using IvrController.Rules.Surveys;
using IvrController.Store.Calls;
using Microsoft.Extensions.Logging;

namespace IvrController.Flows;

/// <summary>
/// The satisfaction survey (DESIGN 2.4) on a customer's leg: guide, one key, closing prompt,
/// hang-up. The result is stored whatever happens (a timeout or a hang-up is "no answer").
/// </summary>
public sealed class SatisfactionSurvey(CallFlowContext context)
{
    private readonly ILogger _logger = context.LoggerFor<SatisfactionSurvey>();

    /// <param name="customerE164">The customer's number as stored with the call (E.164).</param>
    public async Task<SurveyOutcome> RunAsync(
        CallLeg customer, SurveyTemplate template, Guid callId, string? agentId, string customerE164, CancellationToken cancellationToken)
    {
        DateTimeOffset startedAt = context.Time.GetUtcNow();
        SurveyOutcome outcome = new(SurveyOutcomeKind.NoAnswer, null, null);
        bool hungUp = false;
        Task? stored = null;
        try
        {
            customer.UseLanguageWithNext(template.Language, context.Options);
            string? digits = await customer.CollectAsync(new PlayAndGetDigits
            {
                MinDigits = 1,
                MaxDigits = 1,
                Tries = template.Tries,
                Timeout = template.Timeout,
                Terminators = template.Terminators,
                Prompt = Prompts.File(template.GuidePrompt),
                InvalidPrompt = Prompts.File(template.InvalidPrompt),
                VariableName = ChannelVariables.SurveyDigit,
                DigitsRegex = template.DigitsRegex,
            }, cancellationToken).ConfigureAwait(false);
            outcome = SurveyOutcome.From(template, digits);
            // The answer is known and nothing played after it changes it: it is stored while the closing prompt goes
            // out, the database's round trip beside the switch's.
            stored = StoreAsync(template, outcome, callId, agentId, customerE164, startedAt);
            if (outcome.Kind == SurveyOutcomeKind.NoAnswer)
            {
                await customer.PlayAsync(template.TimeoutPrompt, cancellationToken).ConfigureAwait(false);
            }

            await customer.PlayThenHangUpAsync(template.ClosingPrompt, HangupCauses.NormalClearing, cancellationToken).ConfigureAwait(false);
        }
        catch (EslChannelHangupException)
        {
            // The customer left: what was answered (or "no answer") is still stored below.
            hungUp = true;
        }
        finally
        {
            // No key and a customer gone is "no answer" in the store and hung_up in /metrics; silence on a live line is no_digit.
            context.Metrics.SurveyEnded(
                outcome.Kind switch
                {
                    SurveyOutcomeKind.Rated => SurveyAnswer.Rated,
                    SurveyOutcomeKind.Invalid => SurveyAnswer.Invalid,
                    _ when hungUp => SurveyAnswer.HungUp,
                    _ => SurveyAnswer.NoDigit,
                },
                outcome.Key?.Score);
            await (stored ?? StoreAsync(template, outcome, callId, agentId, customerE164, startedAt)).ConfigureAwait(false);
        }

        return outcome;
    }

    private async Task StoreAsync(SurveyTemplate template, SurveyOutcome outcome, Guid callId, string? agentId, string customerE164, DateTimeOffset startedAt)
    {
        if (!int.TryParse(template.Id, out int templateId))
        {
            _logger.LogError("Survey of call {CallId}: template id '{TemplateId}' is not a stored template; result not stored", callId, template.Id);
            return;
        }

        char? digit = outcome.Kind switch
        {
            SurveyOutcomeKind.Rated => outcome.Key!.Digit,
            SurveyOutcomeKind.Invalid when outcome.Digits is { Length: 1 } d && PhoneKeys.IsPhoneKey(d[0]) => d[0],
            _ => null,
        };
        string kind = outcome.Kind switch
        {
            SurveyOutcomeKind.Rated => "rated",
            SurveyOutcomeKind.Invalid => "invalid",
            _ => "no_answer",
        };
        var record = new SurveyResultRecord(
            callId, templateId, kind, digit, outcome.Key?.Label, outcome.Key?.Score, agentId, customerE164, startedAt,
            outcome.Kind == SurveyOutcomeKind.NoAnswer ? null : context.Time.GetUtcNow());

        // The call may already be gone; the record must not be: no call token here.
        await context.Recorder.RecordSurveyResultAsync(record, CancellationToken.None).ConfigureAwait(false);
        _logger.LogInformation(
            "Survey '{Template}' of call {CallId} (agent {Agent}, customer {Customer}): {Outcome}{Key}",
            template.Name, callId, agentId ?? "-", NumberMask.MaskText(customerE164), kind, outcome.Key is { } key ? $" {key.Digit} ({key.Label}, {key.Score})" : "");
    }
}
