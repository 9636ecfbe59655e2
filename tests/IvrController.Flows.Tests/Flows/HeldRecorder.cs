using IvrController.Flows;
using IvrController.Store.Calls;

namespace IvrController.Flows.Tests.Flows;

/// <summary>
/// A call log that answers slowly: the starts of outbound calls and the survey results wait until <see cref="Release"/>
/// before they are written (a database slow to answer). Says which writes were asked for and which finished, in order.
/// </summary>
public sealed class HeldRecorder(ICallRecorder inner) : ICallRecorder
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _steps = [];

    /// <summary>"start asked", "start written", "end asked", "end written", "survey asked", "survey written".</summary>
    public IReadOnlyList<string> Steps
    {
        get
        {
            lock (_steps)
            {
                return [.. _steps];
            }
        }
    }

    public void Release() => _released.TrySetResult();

    public async Task RecordOutboundCallAsync(OutboundCallRecord call, CancellationToken cancellationToken)
    {
        Step("start asked");
        await _released.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await inner.RecordOutboundCallAsync(call, cancellationToken);
        Step("start written");
    }

    public async Task RecordOutboundCallEndAsync(OutboundCallEnd end, CancellationToken cancellationToken)
    {
        Step("end asked");
        await inner.RecordOutboundCallEndAsync(end, cancellationToken);
        Step("end written");
    }

    public async Task RecordSurveyResultAsync(SurveyResultRecord result, CancellationToken cancellationToken)
    {
        Step("survey asked");
        await _released.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await inner.RecordSurveyResultAsync(result, cancellationToken);
        Step("survey written");
    }

    public Task RecordMissedCallbackAsync(MissedCallbackRecord missed, CancellationToken cancellationToken) =>
        inner.RecordMissedCallbackAsync(missed, cancellationToken);

    public Task RecordInboundCallAsync(InboundCallRecord call, CancellationToken cancellationToken) =>
        inner.RecordInboundCallAsync(call, cancellationToken);

    private void Step(string step)
    {
        lock (_steps)
        {
            _steps.Add(step);
        }
    }
}
