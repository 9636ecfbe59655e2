using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;

namespace IvrController.Store.Calls.Journal;

/// <summary>
/// One call log record on its way to the database: the record itself, the id that makes a
/// replayed missed callback count once, when it was first written, and (for a call's end that
/// found no call yet) since when it has waited for its call.
/// </summary>
internal sealed record JournalEntry
{
    public const string OutboundCallType = "outbound_call";
    public const string OutboundCallEndType = "outbound_call_end";
    public const string SurveyResultType = "survey_result";
    public const string MissedCallbackType = "missed_callback";
    public const string InboundCallType = "inbound_call";

    public JournalEntry(Guid id, DateTimeOffset createdAt, object record, DateTimeOffset? unmatchedSince = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        Type = record switch
        {
            OutboundCallRecord => OutboundCallType,
            OutboundCallEnd => OutboundCallEndType,
            SurveyResultRecord => SurveyResultType,
            MissedCallbackRecord => MissedCallbackType,
            InboundCallRecord => InboundCallType,
            _ => throw new ArgumentException($"{record.GetType().Name} is not a call log record.", nameof(record)),
        };
        Id = id;
        CreatedAt = createdAt;
        Record = record;
        UnmatchedSince = unmatchedSince;
    }

    public Guid Id { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>An <see cref="OutboundCallRecord"/>, <see cref="OutboundCallEnd"/>, <see cref="SurveyResultRecord"/>, <see cref="MissedCallbackRecord"/> or <see cref="InboundCallRecord"/>.</summary>
    public object Record { get; }

    public DateTimeOffset? UnmatchedSince { get; init; }

    /// <summary>The type tag of the journal line.</summary>
    public string Type { get; }

    /// <summary>
    /// Writes the record to the call log within <paramref name="timeout"/>; a database that does
    /// not answer in time throws <see cref="TimeoutException"/>.
    /// </summary>
    public Task<ApplyOutcome> ApplyAsync(CallLog log, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) =>
        // The deadline's timer starts before this returns, so a test that advances a fake clock right
        // after the call starts is sure to hit it.
        DatabaseDeadline.WithinAsync(() => WriteAsync(log, CancellationToken.None), timeout, time, cancellationToken);

    private async Task<ApplyOutcome> WriteAsync(CallLog log, CancellationToken cancellationToken) => Record switch
    {
        OutboundCallRecord call => await log.RecordOutboundCallAsync(call, cancellationToken).ConfigureAwait(false) ? ApplyOutcome.Written : ApplyOutcome.AlreadyStored,
        OutboundCallEnd end => await log.RecordOutboundCallEndAsync(end, cancellationToken).ConfigureAwait(false) ? ApplyOutcome.Written : ApplyOutcome.NoSuchCall,
        SurveyResultRecord result => await log.RecordSurveyResultAsync(result, cancellationToken).ConfigureAwait(false) ? ApplyOutcome.Written : ApplyOutcome.AlreadyStored,
        MissedCallbackRecord missed => await log.RecordMissedCallbackAsync(missed, Id, cancellationToken).ConfigureAwait(false) ? ApplyOutcome.Written : ApplyOutcome.AlreadyStored,
        InboundCallRecord inbound => await log.RecordInboundCallAsync(inbound, cancellationToken).ConfigureAwait(false) ? ApplyOutcome.Written : ApplyOutcome.AlreadyStored,
        _ => throw new InvalidOperationException($"{Record.GetType().Name} is not a call log record."),
    };

    /// <summary>The record in a log line: ids and agents as they are, customer numbers masked.</summary>
    public string Describe() => Record switch
    {
        OutboundCallRecord call => $"outbound call {call.CallUuid} of agent {call.AgentId} to {Mask(call.CustomerNumber)}",
        OutboundCallEnd end => $"end of outbound call {end.CallUuid} ({end.Disposition})",
        SurveyResultRecord result => $"survey result of call {result.CallUuid} (template {result.TemplateId}, {result.Outcome}) from {Mask(result.CustomerNumber)}",
        MissedCallbackRecord missed => $"missed callback {Id} for agent {missed.AgentId} from {Mask(missed.CustomerNumber)}",
        InboundCallRecord inbound => $"inbound call {inbound.CallUuid} ({inbound.Route}, {inbound.Outcome}) from {Mask(inbound.CustomerNumber)}",
        _ => Type,
    };

    private static string Mask(string number) =>
        ChineseNumberNormalizer.Default.TryNormalize(number, out PhoneNumber? parsed, out _) ? NumberMask.Mask(parsed) : NumberMask.MaskRaw(number);
}
