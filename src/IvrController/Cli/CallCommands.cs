using System.CommandLine;
using IvrController.Hosting;
using IvrController.Routing;
using IvrController.Store.Snapshots;

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
            string[] problems = settings.SwitchProblems().Concat(settings.Flows.Validate()).ToArray();
            if (problems.Length > 0)
            {
                throw new CliException(string.Join(" ", problems));
            }

            await using var database = context.OpenDatabase(parse);
            RuleSnapshotBuild rules = await RuleLoading.LoadAsync(database, cancellationToken).ConfigureAwait(false);
            try
            {
                string connected = await ClickToCallPlacement.PlaceAsync(
                    settings, rules.Snapshot, new TableCustomerIdLookup(() => rules.CustomerIds), parse.GetValue(agent)!, parse.GetValue(customer)!,
                    () => context.Output.WriteLine($"Ringing agent {parse.GetValue(agent)} (up to {settings.Flows.AgentRingTimeout.TotalSeconds:0} s)…"),
                    answered => context.Output.WriteLine($"{answered.Detail} (up to {settings.Flows.CustomerRingTimeout.TotalSeconds:0} s)…"),
                    context.LoggerFactory, cancellationToken).ConfigureAwait(false);
                await context.Output.WriteLineAsync(connected).ConfigureAwait(false);
            }
            catch (RoutingException e)
            {
                throw new CliException(e.Message);
            }
        }));
        return command;
    }
}
