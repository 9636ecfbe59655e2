using IvrController.Store.Calls;

namespace IvrController.Flows;

/// <summary>Writes straight to the call log (idempotent on the call's UUID).</summary>
public sealed class CallLogRecorder(CallLog log) : ICallRecorder
{
    public Task RecordOutboundCallAsync(OutboundCallRecord call, CancellationToken cancellationToken) =>
        log.RecordOutboundCallAsync(call, cancellationToken);

    public Task RecordOutboundCallEndAsync(OutboundCallEnd end, CancellationToken cancellationToken) =>
        log.RecordOutboundCallEndAsync(end, cancellationToken);

    public Task RecordSurveyResultAsync(SurveyResultRecord result, CancellationToken cancellationToken) =>
        log.RecordSurveyResultAsync(result, cancellationToken);

    public Task RecordMissedCallbackAsync(MissedCallbackRecord missed, CancellationToken cancellationToken) =>
        log.RecordMissedCallbackAsync(missed, cancellationToken);
}
