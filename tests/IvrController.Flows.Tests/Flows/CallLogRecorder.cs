using IvrController.Flows;
using IvrController.Store.Calls;

namespace IvrController.Flows.Tests.Flows;

/// <summary>The flow tests' recorder: straight to the call log, so what a call stored is in the tables at once (the host journals first).</summary>
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

    public Task RecordInboundCallAsync(InboundCallRecord call, CancellationToken cancellationToken) =>
        log.RecordInboundCallAsync(call, cancellationToken);
}
