using IvrController.Store.Calls;

namespace IvrController.Flows;

/// <summary>Where the flows write what happened on a call: the call log, or a journal in front of it that survives outages.</summary>
public interface ICallRecorder
{
    Task RecordOutboundCallAsync(OutboundCallRecord call, CancellationToken cancellationToken);

    Task RecordOutboundCallEndAsync(OutboundCallEnd end, CancellationToken cancellationToken);

    Task RecordSurveyResultAsync(SurveyResultRecord result, CancellationToken cancellationToken);

    Task RecordMissedCallbackAsync(MissedCallbackRecord missed, CancellationToken cancellationToken);

    /// <summary>A customer's call to one of our numbers, once, as it ended.</summary>
    Task RecordInboundCallAsync(InboundCallRecord call, CancellationToken cancellationToken);
}
