using System.CommandLine;
using IvrController.Store.Snapshots;

namespace IvrController.Cli;

/// <summary><c>ivrctl rules check</c>: every problem the controller would log for the current rules.</summary>
public static class RulesCommands
{
    public static Command Build(CliContext context)
    {
        var check = new Command("check", "List every problem of the current rules (exit code 1 when there is one).");
        check.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            await using var database = context.OpenDatabase(parse);
            RuleSnapshotBuild build = await RuleLoading.LoadAsync(database, cancellationToken).ConfigureAwait(false);
            var problems = build.Skipped.Select(s => $"left out: {s}").Concat(build.Snapshot.Validate()).ToList();
            var rules = build.Snapshot;
            await context.Output.WriteLineAsync(
                $"Rules version {rules.Version}: {rules.Agents.Count} agents, {rules.SkillGroups.Count} skill groups, " +
                $"{rules.Pool.Count} numbers ({rules.Pool.EnabledCount} enabled), {rules.Menus.Menus.Count} menus, " +
                $"{rules.SurveyTemplates.Count} survey templates, {rules.Regions.Table.Count} region prefixes, {build.CustomerIds.Count} customer IDs.").ConfigureAwait(false);
            foreach (string problem in problems)
            {
                await context.Output.WriteLineAsync($"  - {problem}").ConfigureAwait(false);
            }

            if (problems.Count > 0)
            {
                throw new CliException($"{problems.Count} problem(s) in the rules; see above.");
            }

            await context.Output.WriteLineAsync("No problems.").ConfigureAwait(false);
        }));

        return new Command("rules", "The rules as the controller sees them.") { check };
    }
}
