using System.CommandLine;
using IvrController.Admin;
using IvrController.Admin.Prompts;
using IvrController.Rules.Ivr;

namespace IvrController.Cli;

/// <summary><c>ivrctl menus list | show | add | update | remove</c>: the IVR menus our numbers play.</summary>
public static class MenuCommands
{
    public static Command Build(CliContext context) =>
        new("menus", "IVR menus: greeting, keys to skill groups, agents or submenus, retries and the default action.")
        {
            BuildList(context), BuildShow(context), BuildAdd(context), BuildUpdate(context), BuildRemove(context),
        };

    private static Command BuildList(CliContext context)
    {
        var list = new Command("list", "Every menu, one per line, with how many of our numbers play it.");
        list.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            await using var database = context.OpenDatabase(parse);
            var admin = new IvrMenuAdmin(database, context.Who);
            IReadOnlyList<IvrMenu> menus = await admin.ListAsync(cancellationToken).ConfigureAwait(false);
            if (menus.Count == 0)
            {
                await context.Output.WriteLineAsync("No IVR menus.").ConfigureAwait(false);
                return;
            }

            var numbers = await admin.NumbersByMenuAsync(cancellationToken).ConfigureAwait(false);
            await MenuText.List(menus, numbers).WriteAsync(context.Output).ConfigureAwait(false);
        }));
        return list;
    }

    private static Command BuildShow(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Menu name" };
        var show = new Command("show", "One menu with its options and the numbers that play it.") { name };
        show.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            string menuName = parse.GetValue(name)!;
            await using var database = context.OpenDatabase(parse);
            var admin = new IvrMenuAdmin(database, context.Who);
            IvrMenu menu = await admin.GetAsync(menuName, cancellationToken).ConfigureAwait(false)
                ?? throw new CliException($"There is no menu '{menuName}'.");
            var numbers = await admin.NumbersByMenuAsync(cancellationToken).ConfigureAwait(false);
            await MenuText.Show(menu, numbers.GetValueOrDefault(menu.Name) ?? []).WriteAsync(context.Output).ConfigureAwait(false);
        }));
        return show;
    }

    private static Command BuildAdd(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Menu name: 1-64 of a-z, 0-9, '_', '-'" };
        var options = new MenuOptions(adding: true);
        var add = new Command("add", "Add a menu; its targets must exist (a submenu may be the menu itself).") { name };
        options.AddTo(add);
        add.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            PromptStudio? studio = context.OpenPromptStudio(parse);
            IvrMenu draft = options.Apply(
                parse,
                new IvrMenu { Name = parse.GetValue(name)!, Greeting = "", InvalidPrompt = "", TimeoutPrompt = "" },
                await options.Prompts.TakeRecordingsAsync(parse, studio, cancellationToken).ConfigureAwait(false));
            await using var database = context.OpenDatabase(parse);
            IvrMenu added = await new IvrMenuAdmin(database, context.Who, studio).AddAsync(draft, cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"Added menu {added.Name} ({MenuText.Summary(added)}).").ConfigureAwait(false);
        }));
        return add;
    }

    private static Command BuildUpdate(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Menu name" };
        var options = new MenuOptions(adding: false);
        var update = new Command("update", "Change what is given; --option replaces all options.") { name };
        options.AddTo(update);
        update.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            PromptStudio? studio = context.OpenPromptStudio(parse);
            var recordings = await options.Prompts.TakeRecordingsAsync(parse, studio, cancellationToken).ConfigureAwait(false);
            await using var database = context.OpenDatabase(parse);
            IvrMenu updated = await new IvrMenuAdmin(database, context.Who, studio)
                .UpdateAsync(parse.GetValue(name)!, menu => options.Apply(parse, menu, recordings), cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"Updated menu {updated.Name} ({MenuText.Summary(updated)}).").ConfigureAwait(false);
        }));
        return update;
    }

    private static Command BuildRemove(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "Menu name" };
        var remove = new Command("remove", "Remove a menu no other menu goes to; numbers that play it are left without a menu.") { name };
        remove.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            await using var database = context.OpenDatabase(parse);
            IvrMenuRemoval removal = await new IvrMenuAdmin(database, context.Who).RemoveAsync(parse.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            string lost = removal.NumbersWithoutMenu.Count == 0
                ? ""
                : $"; these numbers now have no menu: {string.Join(", ", removal.NumbersWithoutMenu)}";
            await context.Output.WriteLineAsync($"Removed menu {removal.Menu.Name}{lost}.").ConfigureAwait(false);
        }));
        return remove;
    }
}
