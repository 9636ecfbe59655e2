using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using Xunit;
using static IvrController.Rules.Tests.Support.Numbers;

namespace IvrController.Rules.Tests.Protection;

public sealed class AgentDisplayTests
{
    private static readonly PhoneNumber Customer = N("13812345678");

    [Fact]
    public async Task Mask_mode_shows_the_mask_and_does_not_ask_the_lookup()
    {
        var lookup = new ScriptedLookup(_ => new Dictionary<PhoneNumber, string> { [Customer] = "C-1001" });
        AgentDisplayResult result = await AgentDisplay.ForAgentAsync(Customer, NumberProtectionMode.Mask, lookup, CancellationToken.None);
        Assert.Equal(new AgentDisplayResult("138****5678", AgentDisplaySource.Mask, "mask mode"), result);
        Assert.Equal(0, lookup.Calls);
    }

    [Theory]
    [InlineData("C10086", "C10086", "dialled as customer ID")]
    // An ID that carries the number would show the agent what the mode hides: the mask instead.
    [InlineData("ID-13812345678", "138****5678", "the customer ID contains the number itself")]
    public void A_dialled_customer_id_is_shown_as_typed_unless_it_holds_the_number(string dialled, string shown, string why)
    {
        AgentDisplayResult result = AgentDisplay.ForDialledCustomerId(Customer, dialled);

        Assert.Equal((shown, why), (result.Text, result.Detail));
    }

    [Fact]
    public async Task Customer_id_mode_shows_the_id_the_lookup_has()
    {
        var lookup = new ScriptedLookup(_ => new Dictionary<PhoneNumber, string> { [N("+8613812345678")] = " C-1001 " });
        AgentDisplayResult result = await AgentDisplay.ForAgentAsync(Customer, NumberProtectionMode.CustomerId, lookup, CancellationToken.None);
        Assert.Equal(new AgentDisplayResult("C-1001", AgentDisplaySource.CustomerId, "customer ID found"), result);
        Assert.Equal(1, lookup.Calls);
    }

    [Fact]
    public async Task A_number_without_a_customer_id_shows_the_mask()
    {
        var lookup = new ScriptedLookup(_ => new Dictionary<PhoneNumber, string>());
        AgentDisplayResult result = await AgentDisplay.ForAgentAsync(Customer, NumberProtectionMode.CustomerId, lookup, CancellationToken.None);
        Assert.Equal(new AgentDisplayResult("138****5678", AgentDisplaySource.MaskAfterLookupFailure, "no customer ID for this number"), result);
    }

    [Fact]
    public async Task A_blank_customer_id_shows_the_mask()
    {
        var lookup = new ScriptedLookup(_ => new Dictionary<PhoneNumber, string> { [Customer] = "  " });
        AgentDisplayResult result = await AgentDisplay.ForAgentAsync(Customer, NumberProtectionMode.CustomerId, lookup, CancellationToken.None);
        Assert.Equal(AgentDisplaySource.MaskAfterLookupFailure, result.Source);
        Assert.Equal("138****5678", result.Text);
    }

    [Fact]
    public async Task A_failing_lookup_shows_the_mask_and_the_detail_names_only_the_exception_type()
    {
        var lookup = new ScriptedLookup(_ => throw new InvalidOperationException("CRM down while looking up 13812345678"));
        AgentDisplayResult result = await AgentDisplay.ForAgentAsync(Customer, NumberProtectionMode.CustomerId, lookup, CancellationToken.None);
        Assert.Equal(new AgentDisplayResult("138****5678", AgentDisplaySource.MaskAfterLookupFailure, "customer-ID lookup failed (InvalidOperationException)"), result);
    }

    [Fact]
    public async Task A_lookup_that_times_out_on_its_own_shows_the_mask()
    {
        var lookup = new ScriptedLookup(_ => throw new TaskCanceledException("HTTP timeout"));
        AgentDisplayResult result = await AgentDisplay.ForAgentAsync(Customer, NumberProtectionMode.CustomerId, lookup, CancellationToken.None);
        Assert.Equal(new AgentDisplayResult("138****5678", AgentDisplaySource.MaskAfterLookupFailure, "customer-ID lookup failed (TaskCanceledException)"), result);
    }

    [Fact]
    public async Task A_cancelled_call_cancels_the_display_decision()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var lookup = new ScriptedLookup(ct => throw new OperationCanceledException(ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => AgentDisplay.ForAgentAsync(Customer, NumberProtectionMode.CustomerId, lookup, cts.Token));
    }

    [Fact]
    public async Task No_lookup_configured_shows_the_mask()
    {
        AgentDisplayResult result = await AgentDisplay.ForAgentAsync(Customer, NumberProtectionMode.CustomerId, null, CancellationToken.None);
        Assert.Equal(new AgentDisplayResult("138****5678", AgentDisplaySource.MaskAfterLookupFailure, "customer-ID mode but no customer-ID lookup is configured"), result);
    }

    [Theory]
    [InlineData("13812345678")]
    [InlineData("CUST-8613812345678")]
    public async Task A_customer_id_that_contains_the_number_is_not_shown(string customerId)
    {
        var lookup = new ScriptedLookup(_ => new Dictionary<PhoneNumber, string> { [Customer] = customerId });
        AgentDisplayResult result = await AgentDisplay.ForAgentAsync(Customer, NumberProtectionMode.CustomerId, lookup, CancellationToken.None);
        Assert.Equal(new AgentDisplayResult("138****5678", AgentDisplaySource.MaskAfterLookupFailure, "the customer ID contains the number itself"), result);
    }

    [Fact]
    public async Task A_landline_id_that_contains_the_number_without_its_trunk_zero_is_not_shown()
    {
        PhoneNumber landline = N("02152810000");
        var lookup = new ScriptedLookup(_ => new Dictionary<PhoneNumber, string> { [landline] = "2152810000" });
        AgentDisplayResult result = await AgentDisplay.ForAgentAsync(landline, NumberProtectionMode.CustomerId, lookup, CancellationToken.None);
        Assert.Equal("021****0000", result.Text);
        Assert.Equal(AgentDisplaySource.MaskAfterLookupFailure, result.Source);
    }

    private sealed class ScriptedLookup(Func<CancellationToken, IReadOnlyDictionary<PhoneNumber, string>> answer) : ICustomerIdLookup
    {
        public int Calls { get; private set; }

        public Task<IReadOnlyDictionary<PhoneNumber, string>> PhoneToCustomerIdsAsync(IReadOnlyCollection<PhoneNumber> numbers, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(answer(cancellationToken));
        }

        public Task<IReadOnlyDictionary<string, PhoneNumber>> CustomerIdToPhonesAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
