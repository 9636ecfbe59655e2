using IvrController.Rules.Agents;
using Xunit;

namespace IvrController.Rules.Tests.Agents;

/// <summary>The one rule for "can this agent take a call now", used by callbacks, the IVR, click-to-call and explain.</summary>
public sealed class AgentAvailabilityTests
{
    private static readonly Agent Active = new() { Id = "1001", Name = "张三", Status = AgentStatus.Active };
    private static readonly Agent Offline = new() { Id = "1002", Name = "李四", Status = AgentStatus.OfflineByAdmin };

    [Fact]
    public void An_active_agent_is_what_the_switch_says_and_unknown_while_presence_knows_nothing()
    {
        Assert.Equal(new AgentAvailability(true, false, false), AgentAvailability.Of(Active, new AgentOnSwitch(true, false)));
        Assert.False(AgentAvailability.Of(Active, new AgentOnSwitch(true, OnCall: true))!.IsAvailable);
        Assert.False(AgentAvailability.Of(Active, new AgentOnSwitch(Registered: false, false))!.IsAvailable);
        Assert.Null(AgentAvailability.Of(Active, onSwitch: null));
    }

    [Fact]
    public void An_agent_set_offline_or_removed_takes_no_call_whatever_the_phone_says()
    {
        AgentAvailability offline = AgentAvailability.Of(Offline, new AgentOnSwitch(true, false))!;
        Assert.Equal((false, true), (offline.IsAvailable, offline.OfflineByAdmin));
        Assert.Equal("marked offline by an admin", AgentAvailability.Of(Offline, onSwitch: null)!.Describe());
        Assert.Equal("not registered and marked offline by an admin", AgentAvailability.Of(agent: null, new AgentOnSwitch(false, false))!.Describe());
    }
}
