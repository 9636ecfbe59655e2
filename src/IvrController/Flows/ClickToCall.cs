using System.Globalization;
using IvrController.Esl.Inbound;
using IvrController.Esl.Messages;
using IvrController.Routing;
using IvrController.Rules.Agents;
using IvrController.Rules.CallerId;
using IvrController.Rules.Protection;
using IvrController.Rules.Snapshots;

namespace IvrController.Flows;

/// <summary>
/// Click-to-call (DESIGN 2.1): the agent's phone is rung first, showing the mask or customer ID,
/// and when the agent answers the leg is handed to the controller, which continues it as an
/// outbound call to the customer. The agent never sees or types the number.
/// </summary>
public sealed class ClickToCall(FlowOptions options)
{
    /// <summary>What the switch said about the agent leg: its UUID once answered, or why it failed.</summary>
    public sealed record Result(bool Answered, string? AgentLegUuid, string Detail);

    /// <summary>
    /// Checks the call can be made under <paramref name="rules"/> (agent, customer, a caller number),
    /// then originates the agent leg over the event socket and waits for the agent to answer.
    /// </summary>
    /// <param name="controllerSocket">Where the switch reaches the controller, "host:port".</param>
    /// <exception cref="RoutingException">Unknown or offline agent, unknown customer, or no caller number.</exception>
    public async Task<Result> StartAsync(
        InboundClient client,
        RuleSnapshot rules,
        string agentId,
        string customer,
        ICustomerIdLookup? customerIds,
        string controllerSocket,
        TimeSpan agentRingTimeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        // The same plan the controller makes when the leg comes back: refuse now what it would refuse then.
        OutboundPlan plan = await OutboundPlanner.PlanAsync(rules, agentId, customer, CallerNumberUsage.None, Random.Shared, customerIds, cancellationToken).ConfigureAwait(false);
        if (plan.Agent.Status == AgentStatus.OfflineByAdmin)
        {
            throw new RoutingException($"agent {plan.Agent.Id} is set offline");
        }

        if (plan.CallerId is not CallerIdDecision)
        {
            throw new RoutingException(plan.CallerId.Reason);
        }

        string command = OriginateCommand(plan, controllerSocket, agentRingTimeout);
        // The switch delivers a bgapi's result only to a connection subscribed to BACKGROUND_JOB.
        await client.SubscribeAsync(["BACKGROUND_JOB"], cancellationToken).ConfigureAwait(false);
        BackgroundJobResult job = await client.BackgroundApiAsync(command, agentRingTimeout + TimeSpan.FromSeconds(15), cancellationToken).ConfigureAwait(false);
        string body = job.Body.Trim();
        return job.IsOk
            ? new Result(true, body.StartsWith("+OK ", StringComparison.Ordinal) ? body[4..].Trim() : null, $"agent {plan.Agent.Id} answered; calling {plan.AgentSees.Text}")
            : new Result(false, null, body.StartsWith("-ERR ", StringComparison.Ordinal) ? body[5..].Trim() : body);
    }

    /// <summary>
    /// <c>originate {vars}user/A@domain &amp;socket(host:port async full)</c>. The customer travels in a
    /// channel variable that stays inside the switch: their customer ID when one was given (so the
    /// controller resolves it again), else the number in E.164.
    /// </summary>
    public string OriginateCommand(OutboundPlan plan, string controllerSocket, TimeSpan agentRingTimeout)
    {
        ArgumentNullException.ThrowIfNull(plan);
        string customer = plan.CustomerId ?? plan.Customer.E164;
        string shown = plan.AgentSees.Text;
        var agentLeg = new DialString($"user/{plan.Agent.Id}@{options.AgentDomain}")
            .With(CallDispatcher.EntryVariable, "click_to_call")
            .With(AgentOutboundCall.AgentVariable, plan.Agent.Id)
            .With(AgentOutboundCall.CustomerVariable, customer)
            .With("origination_caller_id_number", shown)
            .With("origination_caller_id_name", shown)
            .With("originate_timeout", ((int)Math.Ceiling(agentRingTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        return $"originate {agentLeg} &socket({controllerSocket} async full)";
    }
}
