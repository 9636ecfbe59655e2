using IvrController.Routing;
using IvrController.Rules.Agents;
using IvrController.Rules.CallerId;
using IvrController.Rules.Protection;
using IvrController.Rules.Regions;
using IvrController.Rules.Settings;
using IvrController.Rules.Snapshots;
using Xunit;
using static IvrController.Tests.CustomerIds.CustomerIdRig;

namespace IvrController.Tests.CustomerIds;

/// <summary>How often an outbound call in customer-ID mode asks the CRM: once at most.</summary>
public sealed class OutboundPlanCrmTripsTests
{
    private static readonly Dictionary<string, string> Directory = new() { ["+8613800138000"] = "C10086" };

    private static RuleSnapshot CustomerIdMode() => new(
        3, DateTimeOffset.UnixEpoch, new RuleSettings { NumberProtection = NumberProtectionMode.CustomerId },
        [new Agent { Id = "1001", Name = "张三" }],
        [],
        [new CallerNumber { Number = Number("02152810000") }],
        RegionPrefixTable.Empty, [], [], null);

    [Theory(Timeout = CustomerIdRig.TestTimeout)]
    // Dialled as an ID: the ID is resolved to the number, and the agent is shown the ID they typed.
    [InlineData("C10086", "uid-to-phone", "dialled as customer ID")]
    // Dialled as a number: the number's ID is looked up for the agent's display.
    [InlineData("13800138000", "phone-to-uid", "customer ID found")]
    public async Task A_call_asks_the_crm_once_and_the_agent_sees_the_customer_id(string dialled, string endpoint, string why)
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Knowing(Directory));

        OutboundPlan plan = await OutboundPlanner.PlanAsync(CustomerIdMode(), "1001", dialled, CallerNumberUsage.None, new Random(1), rig.Lookup, CancellationToken.None);

        Assert.Equal("+8613800138000", plan.Customer.E164);
        Assert.Equal(new AgentDisplayResult("C10086", AgentDisplaySource.CustomerId, why), plan.AgentSees);
        Assert.EndsWith("/" + endpoint, Assert.Single(rig.Crm.Requests).Path, StringComparison.Ordinal);
    }
}
