using System.CommandLine;
using IvrController.Admin;
using IvrController.Admin.Prompts;
using IvrController.Rules.Surveys;
using IvrController.Store.Vocabulary;

namespace IvrController.Cli;

/// <summary><c>ivrctl templates list | show | add | update | remove</c>: satisfaction survey templates, by name (or id).</summary>
public static class TemplateCommands
{
    public static Command Build(CliContext context) =>
        new("templates", "Satisfaction survey templates: prompts, keys with labels and scores, timeout and retries.")
        {
            BuildList(context), BuildShow(context), BuildAdd(context), BuildUpdate(context), BuildRemove(context),
        };

    private static Command BuildList(CliContext context)
    {
        var list = new Command("list", "Every template, one per line.");
        list.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            await using var database = context.OpenDatabase(parse);
            IReadOnlyList<SurveyTemplate> templates = await new SurveyTemplateAdmin(database, context.Who).ListAsync(cancellationToken).ConfigureAwait(false);
            if (templates.Count == 0)
            {
                await context.Output.WriteLineAsync("No survey templates.").ConfigureAwait(false);
                return;
            }

            SettingsView settings = await new SettingsAdmin(database, context.Who).GetAsync(cancellationToken).ConfigureAwait(false);
            await TemplateText.List(templates, settings).WriteAsync(context.Output).ConfigureAwait(false);
        }));
        return list;
    }

    private static Command BuildShow(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Template name or id" };
        var show = new Command("show", "One template with its keys.") { name };
        show.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            string reference = parse.GetValue(name)!;
            await using var database = context.OpenDatabase(parse);
            SurveyTemplate template = await new SurveyTemplateAdmin(database, context.Who).GetAsync(reference, cancellationToken).ConfigureAwait(false)
                ?? throw new CliException($"There is no survey template '{reference}'.");
            SettingsView settings = await new SettingsAdmin(database, context.Who).GetAsync(cancellationToken).ConfigureAwait(false);
            await TemplateText.Show(template, settings).WriteAsync(context.Output).ConfigureAwait(false);
        }));
        return show;
    }

    private static Command BuildAdd(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Template name (not only digits: those are ids)" };
        var options = new TemplateOptions(adding: true);
        var add = new Command("add", "Add a template; the rules check it before it is written.") { name };
        options.AddTo(add);
        add.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            var draft = new SurveyTemplate
            {
                Id = "",
                Name = parse.GetValue(name)!,
                GuidePrompt = "",
                ClosingPrompt = "",
                InvalidPrompt = "",
                TimeoutPrompt = "",
            };
            PromptStudio? studio = context.OpenPromptStudio(parse);
            draft = options.Apply(parse, draft, await options.Prompts.TakeRecordingsAsync(parse, studio, cancellationToken).ConfigureAwait(false));
            await using var database = context.OpenDatabase(parse);
            SurveyTemplate added = await new SurveyTemplateAdmin(database, context.Who, studio).AddAsync(draft, cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync(
                $"Added survey template {added.Name} (id {added.Id}, {RuleWords.SurveyDirections.Word(added.Direction)}, {Keys(added)}{(added.Enabled ? "" : ", disabled")}).").ConfigureAwait(false);
        }));
        return add;
    }

    private static Command BuildUpdate(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Template name or id" };
        var options = new TemplateOptions(adding: false);
        var update = new Command("update", "Change what is given; --key replaces all keys.") { name };
        options.AddTo(update);
        update.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            string reference = parse.GetValue(name)!;
            PromptStudio? studio = context.OpenPromptStudio(parse);
            var recordings = await options.Prompts.TakeRecordingsAsync(parse, studio, cancellationToken).ConfigureAwait(false);
            await using var database = context.OpenDatabase(parse);
            SurveyTemplate updated = await new SurveyTemplateAdmin(database, context.Who, studio)
                .UpdateAsync(reference, template => options.Apply(parse, template, recordings), cancellationToken).ConfigureAwait(false);
            string renamed = parse.GetValue(options.Rename) is null ? "" : $", renamed from {reference}";
            await context.Output.WriteLineAsync(
                $"Updated survey template {updated.Name} (id {updated.Id}, {Keys(updated)}, {(updated.Enabled ? "enabled" : "disabled")}{renamed}).").ConfigureAwait(false);
        }));
        return update;
    }

    private static Command BuildRemove(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Template name or id" };
        var remove = new Command("remove", "Remove a template that no survey result refers to (otherwise disable it).") { name };
        remove.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            await using var database = context.OpenDatabase(parse);
            SurveyTemplateRemoval removal = await new SurveyTemplateAdmin(database, context.Who).RemoveAsync(parse.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            string off = removal.SurveysSwitchedOff.Count == 0
                ? ""
                : $"; the {string.Join(" and ", removal.SurveysSwitchedOff.Select(RuleWords.SurveyDirections.Word))} survey is now off";
            await context.Output.WriteLineAsync($"Removed survey template {removal.Template.Name} (id {removal.Template.Id}){off}.").ConfigureAwait(false);
        }));
        return remove;
    }

    private static string Keys(SurveyTemplate template) => template.Keys.Count == 1 ? "1 key" : $"{template.Keys.Count} keys";
}
