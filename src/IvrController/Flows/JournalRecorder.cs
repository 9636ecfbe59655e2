using IvrController.Store.Calls;
using IvrController.Store.Calls.Journal;

namespace IvrController.Flows;

/// <summary>
/// The host's recorder: every record goes to the database, or, while it is unreachable, to the
/// local journal that is replayed when it returns (DESIGN 3: call records are never lost).
/// </summary>
public sealed class JournalRecorder(CallRecordJournal journal) : ICallRecorder
{
    public Task RecordOutboundCallAsync(OutboundCallRecord call, CancellationToken cancellationToken) =>
        journal.WriteAsync(call, cancellationToken);

    public Task RecordOutboundCallEndAsync(OutboundCallEnd end, CancellationToken cancellationToken) =>
        journal.WriteAsync(end, cancellationToken);

    public Task RecordSurveyResultAsync(SurveyResultRecord result, CancellationToken cancellationToken) =>
        journal.WriteAsync(result, cancellationToken);

    public Task RecordMissedCallbackAsync(MissedCallbackRecord missed, CancellationToken cancellationToken) =>
        journal.WriteAsync(missed, cancellationToken);
}
