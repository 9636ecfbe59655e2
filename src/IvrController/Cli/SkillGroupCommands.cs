using System.CommandLine;
using IvrController.Admin;

namespace IvrController.Cli;

/// <summary><c>ivrctl skill-groups list | add | update | remove</c>.</summary>
public static class SkillGroupCommands
{
    public static Command Build(CliContext context) =>
        new("skill-groups", "Skill groups: teams of agents; outbound ones choose caller numbers, inbound ones take IVR calls.")
        {
            List(context),
            Add(context),
            Update(context),
            Remove(context),
        };

    private static Command List(CliContext context)
    {
        var list = new Command("list", "Show every skill group with how many agents and caller numbers it has.");
        list.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            await using var database = context.OpenDatabase(parse);
            IReadOnlyList<SkillGroupListing> groups = await new SkillGroupAdmin(database, context.Who).ListAsync(cancellationToken).ConfigureAwait(false);
            if (groups.Count == 0)
            {
                await context.Output.WriteLineAsync("No skill groups.").ConfigureAwait(false);
                return;
            }

            var table = new TextTable("ID", "NAME", "DIRECTION", "AGENTS", "NUMBERS");
            foreach (SkillGroupListing group in groups)
            {
                table.Add(group.Id, group.Name, group.Direction, Count(group.Agents), Count(group.Numbers));
            }

            await table.WriteAsync(context.Output).ConfigureAwait(false);
        }));
        return list;
    }

    private static Command Add(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The skill group's id (1-64 of letters, digits, '_', '.', '-')." };
        var name = new Option<string>("--name") { Description = "Its name; unique.", Required = true };
        var direction = new Option<string>("--direction") { Description = "inbound, outbound or both (default).", DefaultValueFactory = _ => "both" };
        var add = new Command("add", "Add a skill group.") { id, name, direction };
        add.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            string groupId = parse.GetValue(id)!;
            string groupName = parse.GetValue(name)!;
            string groupDirection = parse.GetValue(direction)!;
            await using var database = context.OpenDatabase(parse);
            await new SkillGroupAdmin(database, context.Who).AddAsync(groupId, groupName, groupDirection, cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"Added skill group {groupId} ({groupName}), {groupDirection}.").ConfigureAwait(false);
        }));
        return add;
    }

    private static Command Update(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The skill group's id." };
        var name = new Option<string>("--name") { Description = "A new name." };
        var direction = new Option<string>("--direction") { Description = "inbound, outbound or both." };
        var update = new Command("update", "Change a skill group; options not given stay as they are.") { id, name, direction };
        update.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            string groupId = parse.GetValue(id)!;
            var change = new SkillGroupChange
            {
                Name = parse.Given(name) ? new(parse.GetValue(name)!) : default,
                Direction = parse.Given(direction) ? new(parse.GetValue(direction)!) : default,
            };
            if (change.IsEmpty)
            {
                throw new CliException($"update skill group {groupId}: nothing to change; give --name or --direction");
            }

            await using var database = context.OpenDatabase(parse);
            await new SkillGroupAdmin(database, context.Who).UpdateAsync(groupId, change, cancellationToken).ConfigureAwait(false);
            var changed = new List<string>();
            if (change.Name.IsSet)
            {
                changed.Add($"name {change.Name.Value}");
            }

            if (change.Direction.IsSet)
            {
                changed.Add($"direction {change.Direction.Value}");
            }

            await context.Output.WriteLineAsync($"Updated skill group {groupId}: {string.Join(", ", changed)}.").ConfigureAwait(false);
        }));
        return update;
    }

    private static Command Remove(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The skill group's id." };
        var remove = new Command("remove", "Remove a skill group; its agents and numbers stay, without it.") { id };
        remove.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            string groupId = parse.GetValue(id)!;
            await using var database = context.OpenDatabase(parse);
            await new SkillGroupAdmin(database, context.Who).RemoveAsync(groupId, cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"Removed skill group {groupId}.").ConfigureAwait(false);
        }));
        return remove;
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
