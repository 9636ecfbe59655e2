using IvrController.Rules.Callback;
using IvrController.Rules.Numbers;
using IvrController.Store.Calls;
using IvrController.Store.Calls.Journal;

namespace IvrController.Flows;

/// <summary>
/// The host's recorder: every record goes to the database, or, while it is unreachable, to the
/// local journal that is replayed when it returns (DESIGN 3: call records are never lost). An
/// outbound call is remembered in the controller's callback memory first, so that the customer's
/// callback finds its agent whether or not the database has the row yet.
/// </summary>
public sealed class JournalRecorder(CallRecordJournal journal, CallbackMemory memory) : ICallRecorder
{
    public Task RecordOutboundCallAsync(OutboundCallRecord call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.CallerNumber is { } callerNumber
            && ChineseNumberNormalizer.Default.TryNormalize(call.CustomerNumber, out PhoneNumber? customer, out _)
            && ChineseNumberNormalizer.Default.TryNormalize(callerNumber, out PhoneNumber? shown, out _))
        {
            memory.Remember(new LastOutboundCall(call.AgentId, customer, shown, call.StartedAt));
        }

        return journal.WriteAsync(call, cancellationToken);
    }

    public Task RecordOutboundCallEndAsync(OutboundCallEnd end, CancellationToken cancellationToken) =>
        journal.WriteAsync(end, cancellationToken);

    public Task RecordSurveyResultAsync(SurveyResultRecord result, CancellationToken cancellationToken) =>
        journal.WriteAsync(result, cancellationToken);

    public Task RecordMissedCallbackAsync(MissedCallbackRecord missed, CancellationToken cancellationToken) =>
        journal.WriteAsync(missed, cancellationToken);

    public Task RecordInboundCallAsync(InboundCallRecord call, CancellationToken cancellationToken) =>
        journal.WriteAsync(call, cancellationToken);
}
