using IvrController.Rules.Callback;
using IvrController.Rules.Numbers;
using Xunit;

namespace IvrController.Rules.Tests.Callback;

public sealed class CallbackMemoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly PhoneNumber Customer = ChineseNumberNormalizer.Default.Normalize("13800138000");
    private static readonly PhoneNumber OurNumber = ChineseNumberNormalizer.Default.Normalize("02152810000");

    private static LastOutboundCall Call(string agent, TimeSpan ago, PhoneNumber? customer = null) =>
        new(agent, customer ?? Customer, OurNumber, Now - ago);

    [Fact]
    public void The_latest_call_to_a_customer_names_the_agent_whatever_order_the_calls_are_remembered_in()
    {
        var memory = new CallbackMemory(TimeSpan.FromDays(3));
        memory.Remember(Call("1002", TimeSpan.FromHours(1)));
        memory.Remember(Call("1001", TimeSpan.FromHours(5)));

        Assert.Equal("1002", memory.Find(Customer, Now - TimeSpan.FromDays(3))?.AgentId);
        // The same customer written in another form is the same customer.
        Assert.Equal("1002", memory.Find(ChineseNumberNormalizer.Default.Normalize("+86 138 0013 8000"), Now - TimeSpan.FromDays(3))?.AgentId);
        Assert.Equal(1, memory.Count);
    }

    [Fact]
    public async Task A_call_before_the_window_is_not_a_memory()
    {
        var memory = new CallbackMemory(TimeSpan.FromDays(7));
        memory.Remember(Call("1001", TimeSpan.FromDays(4)));

        Assert.Null(await memory.FindLastOutboundCallAsync(Customer, Now - TimeSpan.FromDays(3), CancellationToken.None));
        Assert.Equal("1001", (await memory.FindLastOutboundCallAsync(Customer, Now - TimeSpan.FromDays(5), CancellationToken.None))?.AgentId);
        Assert.Null(memory.Find(ChineseNumberNormalizer.Default.Normalize("13900139000"), Now - TimeSpan.FromDays(5)));
    }

    [Fact]
    public void Calls_older_than_the_retention_are_forgotten_as_new_ones_arrive()
    {
        var memory = new CallbackMemory(TimeSpan.FromDays(3));
        memory.Remember(Call("1001", TimeSpan.FromDays(10)));
        for (int i = 0; i < 2048; i++)
        {
            memory.Remember(Call("1002", TimeSpan.FromMinutes(i), ChineseNumberNormalizer.Default.Normalize($"1390000{i:D4}")));
        }

        Assert.Null(memory.Find(Customer, DateTimeOffset.MinValue));
        Assert.Equal(2048, memory.Count);
    }
}
