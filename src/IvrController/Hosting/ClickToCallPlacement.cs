using IvrController.Esl.Connection;
using IvrController.Esl.Inbound;
using IvrController.Esl.Messages;
using IvrController.Flows;
using IvrController.Routing;
using IvrController.Rules.Protection;
using IvrController.Rules.Snapshots;
using Microsoft.Extensions.Logging;

namespace IvrController.Hosting;

/// <summary>
/// Click-to-call as <c>ivrctl call</c> and the console place it: a connection of its own to the switch's event
/// socket (ClickToCall reads that connection's events), the agent rung, then the customer. Every refusal or
/// failure is a <see cref="RoutingException"/> whose message says why (numbers masked).
/// </summary>
public static class ClickToCallPlacement
{
    /// <summary>Where the switch reaches this controller: Flows:ControllerSocket, else Outbound's address and port.</summary>
    public static string ControllerSocket(ControllerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Flows.ControllerSocket is { Length: > 0 } configured
            ? configured
            : $"{settings.Outbound.ListenAddress}:{settings.Outbound.Port}";
    }

    /// <summary>Places the call (<paramref name="connected"/> is told once the switch's socket answered); returns the sentence for success (the customer answered) or throws with the reason.</summary>
    public static async Task<string> PlaceAsync(
        ControllerSettings settings, RuleSnapshot rules, ICustomerIdLookup? customerIds, string agentId, string customer,
        Action? connected, Action<ClickToCallLeg>? progress, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        SwitchSettings agentSwitch = await SwitchOfAgentAsync(settings, rules, agentId, loggerFactory, cancellationToken).ConfigureAwait(false);
        await using var client = new InboundClient(agentSwitch.EventSocket(settings.Esl), loggerFactory.CreateLogger<InboundClient>());
        try
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EslConnectionException or EslAuthenticationException)
        {
            string which = settings.Switches.Count > 0 ? $"switch {agentSwitch.Name}'s" : "the switch's";
            throw new RoutingException($"cannot use {which} event socket at {agentSwitch.Host}:{agentSwitch.Port}: {e.Message}", e);
        }

        connected?.Invoke();

        ClickToCallReport report = await new ClickToCall(settings.Flows).StartAsync(
            client, rules, agentId, customer, customerIds, ControllerSocket(settings), progress, cancellationToken).ConfigureAwait(false);
        if (report.Customer is not { } customerLeg)
        {
            throw new RoutingException(report.Agent.Detail);
        }

        return customerLeg.Reached
            ? $"Connected: {customerLeg.Detail} (agent leg {report.AgentLegUuid})."
            : throw new RoutingException($"{customerLeg.Detail} (agent leg {report.AgentLegUuid}).");
    }

    /// <summary>
    /// The switch to ring the agent on: the only one; of several, the first (in settings order) whose
    /// <c>sofia_contact</c> knows the agent's phone, a switch that does not answer being passed over. When none
    /// does, the first: its answer (USER_NOT_REGISTERED) is what the agent's leg then reports.
    /// </summary>
    public static async Task<SwitchSettings> SwitchOfAgentAsync(
        ControllerSettings settings, RuleSnapshot rules, string agentId, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rules);
        IReadOnlyList<SwitchSettings> switches = settings.SwitchList();
        // Only a known agent's id goes into a command; an unknown one is refused by the plan on the first switch.
        if (switches.Count == 1 || !rules.TryGetAgent(agentId, out _))
        {
            return switches[0];
        }

        ILogger logger = loggerFactory.CreateLogger(typeof(ClickToCallPlacement));
        foreach (SwitchSettings candidate in switches)
        {
            try
            {
                await using var client = new InboundClient(candidate.EventSocket(settings.Esl), loggerFactory.CreateLogger<InboundClient>());
                await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
                ApiResponse contact = await client.ApiAsync($"sofia_contact {agentId}@{settings.Flows.AgentDomain}", null, cancellationToken).ConfigureAwait(false);
                if (!contact.Body.TrimStart().StartsWith("error/", StringComparison.Ordinal))
                {
                    return candidate;
                }
            }
            catch (Exception e) when (e is EslConnectionException or EslAuthenticationException or TimeoutException)
            {
                logger.LogWarning("Switch {Switch} could not say whether agent {Agent} is registered there ({Reason}); asking the next", candidate.Name, agentId, e.Message);
            }
        }

        return switches[0];
    }
}
