using IvrController.Esl.Connection;
using IvrController.Esl.Inbound;
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
        await using var client = new InboundClient(settings.Esl, loggerFactory.CreateLogger<InboundClient>());
        try
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EslConnectionException or EslAuthenticationException)
        {
            throw new RoutingException($"cannot use the switch's event socket at {settings.Esl.Host}:{settings.Esl.Port}: {e.Message}", e);
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
}
