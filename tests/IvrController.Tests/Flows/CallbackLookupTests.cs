using IvrController.Flows;
using IvrController.Rules.Callback;
using IvrController.Rules.Numbers;
using IvrController.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace IvrController.Tests.Flows;

public sealed class CallbackLookupTests
{
    private static readonly PhoneNumber Customer = ChineseNumberNormalizer.Default.Normalize("13800138000");
    private static readonly PhoneNumber OurNumber = ChineseNumberNormalizer.Default.Normalize("02152810000");

    [Fact]
    public async Task A_call_log_that_hangs_is_given_up_after_its_deadline_and_the_controllers_own_memory_answers()
    {
        var clock = new WatchedClock();
        var memory = new CallbackMemory(TimeSpan.FromDays(7));
        memory.Remember(new LastOutboundCall("1001", Customer, OurNumber, clock.GetUtcNow().AddMinutes(-5)));
        var hanging = new HangingCallLog();
        var lookup = new CallbackLookup(memory, hanging, TimeSpan.FromSeconds(1), NullLogger<CallbackLookup>.Instance, clock);

        Task<LastOutboundCall?> found = lookup.FindLastOutboundCallAsync(Customer, clock.GetUtcNow().AddDays(-3), CancellationToken.None);
        await hanging.Asked.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(found.IsCompleted);
        Assert.Equal(TimeSpan.FromSeconds(1), await clock.FireNextTimerAsync());

        Assert.Equal("1001", (await found.WaitAsync(TimeSpan.FromSeconds(10)))?.AgentId);
    }

    private sealed class HangingCallLog : ICallbackMemoryStore
    {
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<LastOutboundCall?> FindLastOutboundCallAsync(PhoneNumber customer, DateTimeOffset since, CancellationToken cancellationToken)
        {
            Asked.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }
}
