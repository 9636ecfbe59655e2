using System.CommandLine;
using System.Globalization;
using IvrController.Admin;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using IvrController.Store.Rows;

namespace IvrController.Cli;

/// <summary>
/// <c>ivrctl customers import | list</c>: the customer-id table agents see and dial instead of numbers.
/// Customer numbers are never printed in full, here or in import errors.
/// </summary>
public static class CustomerCommands
{
    public static Command Build(CliContext context) =>
        new("customers", "Customer ids: what agents see and dial instead of a customer's number.")
        {
            Import(context),
            List(context),
        };

    private static Command Import(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A UTF-8 CSV file with the header customer_id,number." };
        var replace = new Option<bool>("--replace") { Description = "Make the table exactly the file: customers not in it are removed (default: add and update only)." };
        var import = new Command("import", "Import customer ids, all or nothing: any bad line is reported and nothing is written.") { file, replace };
        import.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            await using var database = context.OpenDatabase(parse);
            var admin = new CustomerIdAdmin(database, context.Who);
            bool replaceAll = parse.GetValue(replace);
            string path = parse.GetValue(file)!;
            await ImportFile.RunAsync(context, path, ("customer id", "customer ids"), reader => admin.ImportAsync(reader, Path.GetFileName(path), replaceAll, cancellationToken)).ConfigureAwait(false);
        }));
        return import;
    }

    private static Command List(CliContext context)
    {
        var limit = new Option<int>("--limit") { Description = "Show at most this many rows (default 50).", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "Show customer ids with their numbers masked, in id order.") { limit };
        list.SetAction((parse, cancellationToken) => context.RunAsync(async () =>
        {
            int most = parse.GetValue(limit);
            if (most < 0)
            {
                throw new CliException("--limit must be 0 or more");
            }

            await using var database = context.OpenDatabase(parse);
            ListPage<CustomerIdRow> page = await new CustomerIdAdmin(database, context.Who).ListAsync(most, cancellationToken).ConfigureAwait(false);
            if (page.Total == 0)
            {
                await context.Output.WriteLineAsync("No customer ids.").ConfigureAwait(false);
                return;
            }

            var table = new TextTable("CUSTOMER ID", "NUMBER");
            foreach (CustomerIdRow row in page.Rows)
            {
                table.Add(row.CustomerId, Masked(row.Number));
            }

            await table.WriteAsync(context.Output).ConfigureAwait(false);
            long more = page.Total - page.Rows.Count;
            if (more > 0)
            {
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"… and {more:N0} more ({page.Total:N0} in all); raise --limit to see more.")).ConfigureAwait(false);
            }
        }));
        return list;
    }

    private static string Masked(string e164) =>
        ChineseNumberNormalizer.Default.TryNormalize(e164, out PhoneNumber? number, out _) ? NumberMask.Mask(number) : NumberMask.MaskRaw(e164);
}
