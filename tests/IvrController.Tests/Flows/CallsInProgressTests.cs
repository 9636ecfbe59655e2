using IvrController.Flows;
using Xunit;

namespace IvrController.Tests.Flows;

/// <summary>The dispatcher's list of calls in progress, as the console's live page reads it.</summary>
public sealed class CallsInProgressTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_call_is_listed_masked_while_it_runs_and_gone_once_it_ends()
    {
        var calls = new CallsInProgress();

        IDisposable first = calls.Begin("inbound", null, "13800138000", At);
        using IDisposable second = calls.Begin("outbound", "1001", "C10086", At.AddSeconds(5));
        IReadOnlyList<CallInProgress> during = calls.Snapshot();
        first.Dispose();

        Assert.Equal(
            [new CallInProgress("inbound", null, "138****8000", At), new CallInProgress("outbound", "1001", "C***86", At.AddSeconds(5))],
            during);
        Assert.Equal([("outbound", "1001")], calls.Snapshot().Select(c => (c.Flow, c.AgentId)));
    }
}
