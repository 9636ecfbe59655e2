using System.Globalization;
using IvrController.Esl.Framing;
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
    /// <summary>The agent leg's events that tell what became of the customer's leg.</summary>
    private static readonly string[] LegEvents =
        [EventNames.BackgroundJob, EventNames.ChannelExecute, EventNames.ChannelExecuteComplete, EventNames.ChannelBridge, EventNames.ChannelHangupComplete];

    /// <summary>
    /// Checks the call can be made under <paramref name="rules"/> (agent, customer, a caller number),
    /// originates the agent leg over the event socket, and follows it until the customer answers or
    /// is known not to: rung and unanswered, busy, refused by the controller, or the agent hung up.
    /// </summary>
    /// <param name="client">A connected client that nothing else reads events from.</param>
    /// <param name="controllerSocket">Where the switch reaches the controller, "host:port".</param>
    /// <param name="progress">Told once the agent answered, before the customer's leg is known.</param>
    /// <exception cref="RoutingException">Unknown or offline agent, unknown customer, or no caller number.</exception>
    public async Task<ClickToCallReport> StartAsync(
        InboundClient client,
        RuleSnapshot rules,
        string agentId,
        string customer,
        ICustomerIdLookup? customerIds,
        string controllerSocket,
        Action<ClickToCallLeg>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        // The same plan the controller makes when the leg comes back: refuse now what it would refuse then.
        OutboundPlan plan = await OutboundPlanner.PlanAsync(rules, agentId, customer, CallerNumberUsage.None, Random.Shared, customerIds, cancellationToken).ConfigureAwait(false);
        if (AgentAvailability.Of(plan.Agent, onSwitch: null) is { OfflineByAdmin: true })
        {
            throw new RoutingException($"agent {plan.Agent.Id} is set offline");
        }

        if (plan.CallerId is not CallerIdDecision)
        {
            throw new RoutingException(plan.CallerId.Reason);
        }

        var agentLeg = Guid.NewGuid();
        // Only this leg's events and our job's result: the switch ORs filters. Both are in place before
        // the originate, so nothing the leg does can come before we listen.
        await client.AddFilterAsync(HeaderNames.UniqueId, agentLeg.ToString(), cancellationToken).ConfigureAwait(false);
        await client.AddFilterAsync(HeaderNames.EventName, EventNames.BackgroundJob, cancellationToken).ConfigureAwait(false);
        await client.SubscribeAsync(LegEvents, cancellationToken).ConfigureAwait(false);

        BackgroundJobResult job = await client.BackgroundApiAsync(
            OriginateCommand(plan, agentLeg, controllerSocket), options.AgentRingTimeout + TimeSpan.FromSeconds(15), cancellationToken).ConfigureAwait(false);
        string body = job.Body.Trim();
        if (!job.IsOk)
        {
            string cause = body.StartsWith("-ERR ", StringComparison.Ordinal) ? body[5..].Trim() : body;
            return new ClickToCallReport(agentLeg, ClickToCallLeg.Failed(cause, $"agent {plan.Agent.Id}'s phone did not take the call: {cause}"), null);
        }

        var answered = ClickToCallLeg.Answered($"agent {plan.Agent.Id} answered; calling {plan.AgentSees.Text}");
        progress?.Invoke(answered);
        return new ClickToCallReport(agentLeg, answered, await FollowCustomerLegAsync(client, agentLeg, plan.AgentSees.Text, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// <c>originate {vars}user/A@domain '&amp;socket(host:port async full)'</c>. The application and its
    /// argument are quoted as one: originate splits its arguments at spaces, and an unquoted
    /// <c>socket(host:port async full)</c> reaches the controller without <c>async full</c> (seen on
    /// 1.10.12). The customer travels in a channel variable that stays inside the switch: their
    /// customer ID when one was given (so the controller resolves it again), else the number in E.164.
    /// </summary>
    public string OriginateCommand(OutboundPlan plan, Guid agentLeg, string controllerSocket)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrEmpty(controllerSocket);
        if (controllerSocket.AsSpan().IndexOfAny("' ()") >= 0)
        {
            throw new ArgumentException($"'{controllerSocket}' is not host:port.", nameof(controllerSocket));
        }

        string customer = plan.CustomerId ?? plan.Customer.E164;
        string shown = plan.AgentSees.Text;
        var agentLegTarget = new DialString($"user/{plan.Agent.Id}@{options.AgentDomain}")
            .With(ChannelVariables.OriginationUuid, agentLeg.ToString())
            .With(ChannelVariables.Entry, "click_to_call")
            .With(ChannelVariables.AgentId, plan.Agent.Id)
            .With(ChannelVariables.ClickToCallCustomer, customer)
            .With(ChannelVariables.OriginationCallerIdNumber, shown)
            .With(ChannelVariables.OriginationCallerIdName, shown)
            .With(ChannelVariables.OriginateTimeout, ((int)Math.Ceiling(options.AgentRingTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        return $"originate {agentLegTarget} '&socket({controllerSocket} async full)'";
    }

    private async Task<ClickToCallLeg> FollowCustomerLegAsync(InboundClient client, Guid agentLeg, string customerShown, CancellationToken cancellationToken)
    {
        // The controller rings the customer for up to CustomerRingTimeout after it takes the leg.
        TimeSpan limit = options.CustomerRingTimeout + TimeSpan.FromSeconds(15);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        var progress = new ClickToCallProgress(agentLeg, customerShown);
        try
        {
            await foreach (EslEvent channelEvent in client.Events.ReadAllAsync(deadline.Token).ConfigureAwait(false))
            {
                using (channelEvent)
                {
                    if (progress.Observe(channelEvent) is { } customerLeg)
                    {
                        return customerLeg;
                    }
                }
            }

            return ClickToCallLeg.Failed("UNKNOWN", $"the switch's event socket closed before {customerShown} was reached or not; see the controller's log");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ClickToCallLeg.Failed("UNKNOWN", $"nothing was heard of {customerShown}'s leg within {limit.TotalSeconds:0} s after the agent answered; see the controller's log");
        }
    }
}
