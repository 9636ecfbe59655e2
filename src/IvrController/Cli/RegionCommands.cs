using System.CommandLine;
using System.Globalization;
using IvrController.Admin;
using IvrController.Store.Rows;

namespace IvrController.Cli;

/// <summary><c>ivrctl regions import | list</c>: the prefix → region table the same-region rule reads first.</summary>
public static class RegionCommands
{
    public static Command Build(CliContext context) =>
        new("regions", "The region table: number prefixes (mobile 7-digit prefixes, area codes with their 0) and their province and city.")
        {
            Import(context),
            List(context),
        };

    private static Command Import(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A UTF-8 CSV file with the header prefix,province,city." };
        var replace = new Option<bool>("--replace") { Description = "Make the table exactly the file: prefixes not in it are removed (default: add and update only)." };
        var import = new Command("import", "Import a region file, all or nothing: any bad line is reported and nothing is written.") { file, replace };
        import.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            await using var database = context.OpenDatabase(parse);
            var admin = new NumberRegionAdmin(database, context.Who);
            bool replaceAll = parse.GetValue(replace);
            string path = parse.GetValue(file)!;
            await ImportFile.RunAsync(context, path, ("prefix", "prefixes"), reader => admin.ImportAsync(reader, Path.GetFileName(path), replaceAll, cancellationToken)).ConfigureAwait(false);
        }));
        return import;
    }

    private static Command List(CliContext context)
    {
        var prefix = new Option<string>("--prefix") { Description = "Only prefixes that start with these digits." };
        var limit = new Option<int>("--limit") { Description = "Show at most this many rows (default 50).", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "Show the region table, in prefix order.") { prefix, limit };
        list.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            string? startsWith = parse.GetValue(prefix);
            int most = parse.GetValue(limit);
            if (most < 0)
            {
                throw new CliException("--limit must be 0 or more");
            }

            await using var database = context.OpenDatabase(parse);
            ListPage<NumberRegionRow> page = await new NumberRegionAdmin(database, context.Who).ListAsync(startsWith, most, cancellationToken).ConfigureAwait(false);
            if (page.Total == 0)
            {
                await context.Output.WriteLineAsync(startsWith is null ? "The region table is empty." : $"No prefixes start with {startsWith}.").ConfigureAwait(false);
                return;
            }

            var table = new TextTable("PREFIX", "PROVINCE", "CITY");
            foreach (NumberRegionRow row in page.Rows)
            {
                table.Add(row.Prefix, row.Province, row.City);
            }

            await table.WriteAsync(context.Output).ConfigureAwait(false);
            long more = page.Total - page.Rows.Count;
            if (more > 0)
            {
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"… and {more:N0} more ({page.Total:N0} in all); narrow with --prefix or raise --limit.")).ConfigureAwait(false);
            }
        }));
        return list;
    }
}
