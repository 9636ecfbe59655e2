using System.CommandLine;
using System.Globalization;
using IvrController.Admin;
using IvrController.Rules.Numbers;
using IvrController.Rules.Regions;

namespace IvrController.Cli;

/// <summary>
/// <c>ivrctl numbers list | add | update | remove</c>: our caller numbers (shown to customers, dialled by
/// them as DIDs). These are the call centre's own numbers, so they are shown in full.
/// </summary>
public static class NumberCommands
{
    public static Command Build(CliContext context) =>
        new("numbers", "Caller numbers: the pool customers see on outbound calls and dial back.")
        {
            List(context),
            Add(context),
            Update(context),
            Remove(context),
        };

    private static Command List(CliContext context)
    {
        var list = new Command("list", "Show every caller number with its region, limits, menu and skill groups.");
        list.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            await using var database = context.OpenDatabase(parse);
            IReadOnlyList<CallerNumberListing> numbers = await new CallerNumberAdmin(database, context.Who).ListAsync(cancellationToken).ConfigureAwait(false);
            if (numbers.Count == 0)
            {
                await context.Output.WriteLineAsync("No caller numbers.").ConfigureAwait(false);
                return;
            }

            var table = new TextTable("NUMBER", "REGION", "ENABLED", "MAX CONCURRENT", "DAILY CAP", "MENU", "SKILL GROUPS");
            foreach (CallerNumberListing n in numbers)
            {
                table.Add(
                    n.Number,
                    n.Province is null ? "(looked up)" : Region(n.Province, n.City ?? ""),
                    n.Enabled ? "yes" : "no",
                    Limit(n.MaxConcurrent),
                    Limit(n.DailyCap),
                    n.IvrMenu ?? "-",
                    IdList.Show(n.SkillGroups));
            }

            await table.WriteAsync(context.Output).ConfigureAwait(false);
        }));
        return list;
    }

    private static Command Add(CliContext context)
    {
        var number = new Argument<string>("number") { Description = "The number in any usual form: 021-5281-0000, +86 21 5281 0000, 13800138000." };
        var province = new Option<string>("--province") { Description = "Province of the number, with --city (default: looked up from the region table)." };
        var city = new Option<string>("--city") { Description = "City of the number, with --province." };
        var disabled = new Option<bool>("--disabled") { Description = "Add it switched off: never chosen as a caller number." };
        var maxConcurrent = new Option<int>("--max-concurrent") { Description = "At most this many calls at once on this number (default: no limit)." };
        var dailyCap = new Option<int>("--daily-cap") { Description = "At most this many outbound calls a day (default: no limit)." };
        var menu = new Option<string>("--menu") { Description = "The IVR menu customers hear when they call this number." };
        var skillGroup = new Option<string[]>("--skill-group") { Description = "A skill group this number serves; repeat for several." };
        var add = new Command("add", "Add a caller number to the pool.") { number, province, city, disabled, maxConcurrent, dailyCap, menu, skillGroup };
        add.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            var setup = new CallerNumberSetup(parse.GetValue(number)!)
            {
                Province = parse.GetValue(province),
                City = parse.GetValue(city),
                Enabled = !parse.GetValue(disabled),
                MaxConcurrent = parse.Given(maxConcurrent) ? parse.GetValue(maxConcurrent) : null,
                DailyCap = parse.Given(dailyCap) ? parse.GetValue(dailyCap) : null,
                IvrMenu = parse.GetValue(menu),
                SkillGroups = IdList.Parse(string.Join(',', parse.GetValue(skillGroup) ?? [])),
            };
            await using var database = context.OpenDatabase(parse);
            PhoneNumber added = await new CallerNumberAdmin(database, context.Who).AddAsync(setup, cancellationToken).ConfigureAwait(false);

            var parts = new List<string>();
            if (setup.Province is not null && setup.City is not null)
            {
                parts.Add($"region {Region(setup.Province, setup.City)}");
            }

            if (!setup.Enabled)
            {
                parts.Add("disabled");
            }

            parts.Add(MaxConcurrentText(setup.MaxConcurrent));
            parts.Add(DailyCapText(setup.DailyCap));
            parts.Add(setup.IvrMenu is null ? "no menu" : $"menu {setup.IvrMenu}");
            parts.Add($"skill groups: {IdList.Show(setup.SkillGroups)}");
            await context.Output.WriteLineAsync($"Added number {added.E164}, {string.Join(", ", parts)}.").ConfigureAwait(false);
        }));
        return add;
    }

    private static Command Update(CliContext context)
    {
        var number = new Argument<string>("number") { Description = "The number in any usual form." };
        var province = new Option<string>("--province") { Description = "New province, with --city." };
        var city = new Option<string>("--city") { Description = "New city, with --province." };
        var noRegion = new Option<bool>("--no-region") { Description = "Forget the region given by hand: look it up from the number again." };
        var enabled = new Option<bool>("--enabled") { Description = "Switch the number on." };
        var disabled = new Option<bool>("--disabled") { Description = "Switch the number off: never chosen as a caller number." };
        var maxConcurrent = new Option<int>("--max-concurrent") { Description = "At most this many calls at once." };
        var noMaxConcurrent = new Option<bool>("--no-max-concurrent") { Description = "No limit on calls at once." };
        var dailyCap = new Option<int>("--daily-cap") { Description = "At most this many outbound calls a day." };
        var noDailyCap = new Option<bool>("--no-daily-cap") { Description = "No daily limit." };
        var menu = new Option<string>("--menu") { Description = "The IVR menu customers hear when they call this number." };
        var noMenu = new Option<bool>("--no-menu") { Description = "No IVR menu for this number." };
        var skillGroups = new Option<string>("--skill-groups")
        {
            Description = "Comma-separated skill groups that replace the number's current ones; \"\" unlinks it from all.",
        };
        var update = new Command("update", "Change a caller number; options not given stay as they are.")
        {
            number, province, city, noRegion, enabled, disabled, maxConcurrent, noMaxConcurrent, dailyCap, noDailyCap, menu, noMenu, skillGroups,
        };
        update.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            // Flags count when given as true; an option with a value counts when given at all.
            bool Given(Option option) => option is Option<bool> flag ? parse.GetValue(flag) : parse.Given(option);
            void NotBoth(Option a, Option b)
            {
                if (Given(a) && Given(b))
                {
                    throw new CliException($"update number: give {a.Name} or {b.Name}, not both");
                }
            }

            NotBoth(enabled, disabled);
            NotBoth(maxConcurrent, noMaxConcurrent);
            NotBoth(dailyCap, noDailyCap);
            NotBoth(menu, noMenu);
            NotBoth(province, noRegion);
            NotBoth(city, noRegion);

            bool regionGiven = Given(province) || Given(city);
            var change = new CallerNumberChange
            {
                Province = regionGiven ? new(parse.GetValue(province)) : Given(noRegion) ? new(null) : default,
                City = regionGiven ? new(parse.GetValue(city)) : Given(noRegion) ? new(null) : default,
                Enabled = Given(enabled) ? new(true) : Given(disabled) ? new(false) : default,
                MaxConcurrent = Given(maxConcurrent) ? new(parse.GetValue(maxConcurrent)) : Given(noMaxConcurrent) ? new(null) : default,
                DailyCap = Given(dailyCap) ? new(parse.GetValue(dailyCap)) : Given(noDailyCap) ? new(null) : default,
                IvrMenu = Given(menu) ? new(parse.GetValue(menu)) : Given(noMenu) ? new(null) : default,
                SkillGroups = Given(skillGroups) ? new(IdList.Parse(parse.GetValue(skillGroups))) : default,
            };
            if (change.IsEmpty)
            {
                throw new CliException("update number: nothing to change; see 'ivrctl numbers update --help' for the options");
            }

            await using var database = context.OpenDatabase(parse);
            PhoneNumber updated = await new CallerNumberAdmin(database, context.Who).UpdateAsync(parse.GetValue(number)!, change, cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"Updated number {updated.E164}: {string.Join(", ", Describe(change))}.").ConfigureAwait(false);
        }));
        return update;
    }

    private static Command Remove(CliContext context)
    {
        var number = new Argument<string>("number") { Description = "The number in any usual form." };
        var remove = new Command("remove", "Take a number out of the pool, with its skill-group links (call history keeps it).") { number };
        remove.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            await using var database = context.OpenDatabase(parse);
            PhoneNumber removed = await new CallerNumberAdmin(database, context.Who).RemoveAsync(parse.GetValue(number)!, cancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"Removed number {removed.E164}.").ConfigureAwait(false);
        }));
        return remove;
    }

    private static List<string> Describe(CallerNumberChange change)
    {
        var parts = new List<string>();
        if (change.Province.IsSet)
        {
            parts.Add(change.Province.Value is { } p && change.City.Value is { } c ? $"region {Region(p, c)}" : "region looked up");
        }

        if (change.Enabled.IsSet)
        {
            parts.Add(change.Enabled.Value ? "enabled" : "disabled");
        }

        if (change.MaxConcurrent.IsSet)
        {
            parts.Add(MaxConcurrentText(change.MaxConcurrent.Value));
        }

        if (change.DailyCap.IsSet)
        {
            parts.Add(DailyCapText(change.DailyCap.Value));
        }

        if (change.IvrMenu.IsSet)
        {
            parts.Add(change.IvrMenu.Value is { } menu ? $"menu {menu}" : "no menu");
        }

        if (change.SkillGroups.IsSet)
        {
            parts.Add($"skill groups: {IdList.Show(change.SkillGroups.Value)}");
        }

        return parts;
    }

    private static string MaxConcurrentText(int? max) =>
        max is { } n ? string.Create(CultureInfo.InvariantCulture, $"at most {n} at once") : "no limit at once";

    private static string DailyCapText(int? cap) =>
        cap is { } n ? string.Create(CultureInfo.InvariantCulture, $"daily cap {n}") : "no daily cap";

    private static string Limit(int? limit) => limit is { } n ? n.ToString(CultureInfo.InvariantCulture) : "-";

    /// <summary>"广东/深圳", a municipality once ("上海"), in the canonical names the store keeps.</summary>
    private static string Region(string province, string city)
    {
        try
        {
            return new NumberRegion(province, city).ToString();
        }
        catch (ArgumentException)
        {
            return $"{province}/{city}";
        }
    }
}
