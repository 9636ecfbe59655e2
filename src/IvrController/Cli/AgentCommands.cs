using System.CommandLine;
using IvrController.Admin;

namespace IvrController.Cli;

/// <summary><c>ivrctl agents list | add | update | remove</c>: the agents (SIP users) and their skill groups.</summary>
public static class AgentCommands
{
    public static Command Build(CliContext context) =>
        new("agents", "Agents: the SIP users who take calls, their status and skill groups.")
        {
            List(context),
            Add(context),
            Update(context),
            Remove(context),
        };

    private static Command List(CliContext context)
    {
        var list = new Command("list", "Show every agent with its status and skill groups.");
        list.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            await using var database = context.OpenDatabase(parse);
            IReadOnlyList<AgentListing> agents = await new AgentAdmin(database, context.Who).ListAsync(cancellationToken).ConfigureAwait(false);
            if (agents.Count == 0)
            {
                await context.Output.WriteLineAsync("No agents.").ConfigureAwait(false);
                return;
            }

            var table = new TextTable("ID", "NAME", "STATUS", "SKILL GROUPS");
            foreach (AgentListing agent in agents)
            {
                table.Add(agent.Id, agent.Name, agent.Status, IdList.Show(agent.SkillGroups));
            }

            await table.WriteAsync(context.Output).ConfigureAwait(false);
        }));
        return list;
    }

    private static Command Add(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The agent's SIP user (1-64 of letters, digits, '_', '.', '-')." };
        var name = new Option<string>("--name") { Description = "The agent's name as admins and reports show it.", Required = true };
        var status = new Option<string>("--status") { Description = "active (default) or offline.", DefaultValueFactory = _ => "active" };
        var skillGroup = new Option<string[]>("--skill-group") { Description = "A skill group the agent is in; repeat for several." };
        var add = new Command("add", "Add an agent.") { id, name, status, skillGroup };
        add.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            string agentId = parse.GetValue(id)!;
            string agentName = parse.GetValue(name)!;
            string agentStatus = parse.GetValue(status)!;
            IReadOnlyCollection<string> groups = IdList.Parse(string.Join(',', parse.GetValue(skillGroup) ?? []));
            await using var database = context.OpenDatabase(parse);
            await new AgentAdmin(database, context.Who).AddAsync(agentId, agentName, agentStatus, groups, cancellationToken).ConfigureAwait(false);
            string offline = agentStatus == "active" ? "" : $", {agentStatus}";
            await context.Output.WriteLineAsync($"Added agent {agentId} ({agentName}){offline}, skill groups: {IdList.Show(groups)}.").ConfigureAwait(false);
        }));
        return add;
    }

    private static Command Update(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The agent's SIP user." };
        var name = new Option<string>("--name") { Description = "A new name." };
        var status = new Option<string>("--status") { Description = "active or offline (offline agents take no callbacks or IVR calls)." };
        var skillGroups = new Option<string>("--skill-groups")
        {
            Description = "Comma-separated skill groups that replace the agent's current ones; \"\" takes the agent out of all.",
        };
        var update = new Command("update", "Change an agent; options not given stay as they are.") { id, name, status, skillGroups };
        update.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            string agentId = parse.GetValue(id)!;
            var change = new AgentChange
            {
                Name = parse.Given(name) ? new(parse.GetValue(name)!) : default,
                Status = parse.Given(status) ? new(parse.GetValue(status)!) : default,
                SkillGroups = parse.Given(skillGroups) ? new(IdList.Parse(parse.GetValue(skillGroups))) : default,
            };
            if (change.IsEmpty)
            {
                throw new CliException($"update agent {agentId}: nothing to change; give --name, --status or --skill-groups");
            }

            await using var database = context.OpenDatabase(parse);
            await new AgentAdmin(database, context.Who).UpdateAsync(agentId, change, cancellationToken).ConfigureAwait(false);
            var changed = new List<string>();
            if (change.Name.IsSet)
            {
                changed.Add($"name {change.Name.Value}");
            }

            if (change.Status.IsSet)
            {
                changed.Add($"status {change.Status.Value}");
            }

            if (change.SkillGroups.IsSet)
            {
                changed.Add($"skill groups: {IdList.Show(change.SkillGroups.Value)}");
            }

            await context.Output.WriteLineAsync($"Updated agent {agentId}: {string.Join(", ", changed)}.").ConfigureAwait(false);
        }));
        return update;
    }

    private static Command Remove(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The agent's SIP user." };
        var remove = new Command("remove", "Remove an agent and its skill-group memberships (its call history stays).") { id };
        remove.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            string agentId = parse.GetValue(id)!;
            await using var database = context.OpenDatabase(parse);
            await new AgentAdmin(database, context.Who).RemoveAsync(agentId, cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"Removed agent {agentId}.").ConfigureAwait(false);
        }));
        return remove;
    }
}
