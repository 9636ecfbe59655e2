using System.CommandLine;
using IvrController.Esl.Inbound;
using IvrController.Flows;
using IvrController.Hosting;
using IvrController.Routing;
using IvrController.Store.Snapshots;
using Microsoft.Extensions.Logging;

namespace IvrController.Cli;

/// <summary>
/// <c>ivrctl call --agent A --customer N|ID</c>: click-to-call. Rings the agent's phone over the
/// switch's event socket; when the agent answers, the controller places the call to the customer.
/// Uses the controller's settings (Esl:*, Flows:*, Outbound:*) from the same places <c>serve</c> does.
/// </summary>
public static class CallCommands
{
    public static Command Build(CliContext context)
    {
        var agent = new Option<string>("--agent") { Description = "The agent (SIP user) whose phone rings first.", Required = true };
        var customer = new Option<string>("--customer") { Description = "The customer's number, or their customer ID in customer-ID mode.", Required = true };
        var command = new Command("call", "Click-to-call: ring the agent, then call the customer for them (the agent never sees the number).")
        {
            agent,
            customer,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            ControllerSettings settings = ControllerHost.LoadSettings([.. parse.UnmatchedTokens]);
            string[] problems = settings.Esl.Validate().Concat(settings.Flows.Validate()).ToArray();
            if (problems.Length > 0)
            {
                throw new CliException(string.Join(" ", problems));
            }

            await using var database = context.OpenDatabase(parse);
            RuleSnapshotBuild rules = await RuleLoading.LoadAsync(database, cancellationToken).ConfigureAwait(false);
            string socket = settings.Flows.ControllerSocket is { Length: > 0 } configured
                ? configured
                : $"{settings.Outbound.ListenAddress}:{settings.Outbound.Port}";

            await using var client = new InboundClient(settings.Esl, context.LoggerFactory.CreateLogger<InboundClient>());
            try
            {
                await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is Esl.Connection.EslConnectionException or EslAuthenticationException)
            {
                throw new CliException($"cannot use the switch's event socket at {settings.Esl.Host}:{settings.Esl.Port}: {e.Message}");
            }

            await context.Output.WriteLineAsync($"Ringing agent {parse.GetValue(agent)} (up to {settings.Flows.AgentRingTimeout.TotalSeconds:0} s)…").ConfigureAwait(false);
            ClickToCallReport report;
            try
            {
                report = await new ClickToCall(settings.Flows).StartAsync(
                    client, rules.Snapshot, parse.GetValue(agent)!, parse.GetValue(customer)!, new TableCustomerIdLookup(() => rules.CustomerIds),
                    socket, answered => context.Output.WriteLine($"{answered.Detail} (up to {settings.Flows.CustomerRingTimeout.TotalSeconds:0} s)…"),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (RoutingException e)
            {
                throw new CliException(e.Message);
            }

            if (report.Customer is not { } customerLeg)
            {
                throw new CliException(report.Agent.Detail);
            }

            if (!customerLeg.Reached)
            {
                throw new CliException($"{customerLeg.Detail} (agent leg {report.AgentLegUuid}).");
            }

            await context.Output.WriteLineAsync($"Connected: {customerLeg.Detail} (agent leg {report.AgentLegUuid}).").ConfigureAwait(false);
        }));
        return command;
    }
}
