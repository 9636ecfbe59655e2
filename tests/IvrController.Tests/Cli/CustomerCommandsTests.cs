using IvrController.Cli;
using IvrController.TestSupport;
using Xunit;

namespace IvrController.Tests.Cli;

[Collection(PostgresCollection.Name)]
public sealed class CustomerCommandsTests(PostgresServer postgres)
{
    private static readonly string NL = Environment.NewLine;

    [Fact]
    public async Task Imported_customers_are_listed_with_masked_numbers_only()
    {
        var ivrctl = await MigratedIvrctl.CreateAsync(postgres, "cli_customers");
        using var file = new TempFile("customer_id,number\nC-1,13812345678\nC-2,021-5281-0001\n");

        Assert.Matches(@"^Imported 2 customer ids \(2 new, 0 changed\) in \d+\.\d s\r?\n$", await ivrctl.OkAsync("customers", "import", file.Path));
        string list = await ivrctl.OkAsync("customers", "list");

        Assert.Equal(
            $"CUSTOMER ID  NUMBER{NL}" +
            $"C-1          138****5678{NL}" +
            $"C-2          021****0001{NL}",
            list);
        Assert.DoesNotContain("13812345678", list, StringComparison.Ordinal);
        Assert.DoesNotContain("52810001", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_lines_are_reported_without_the_customers_numbers_and_nothing_is_imported()
    {
        var ivrctl = await MigratedIvrctl.CreateAsync(postgres, "cli_customers_bad");
        using var file = new TempFile("customer_id,number\nC-1,13812345678\nC-2,13812345678\nC-3,1381234567\n", "customers.csv");

        var result = await ivrctl.RunAsync("customers", "import", file.Path);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal(
            $"line 3: number 138****5678 is already on line 2 (customer id C-1){NL}" +
            $"line 4: number ********67: too short: 10 digits; a mobile number has 11{NL}" +
            $"ivrctl: nothing was imported: 2 lines of customers.csv must be fixed first{NL}",
            result.Error);
        Assert.DoesNotContain("13812345678", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("1381234567", result.Error, StringComparison.Ordinal);
        Assert.Equal($"No customer ids.{NL}", await ivrctl.OkAsync("customers", "list"));
    }

    [Fact]
    public async Task Replace_removes_the_customers_the_file_no_longer_has()
    {
        var ivrctl = await MigratedIvrctl.CreateAsync(postgres, "cli_customers_replace");
        using var before = new TempFile("customer_id,number\nC-1,13800000001\nC-2,13800000002\n");
        using var after = new TempFile("customer_id,number\nC-2,13800000009\n");
        await ivrctl.OkAsync("customers", "import", before.Path);

        Assert.Matches(@"^Imported 1 customer id \(0 new, 1 changed, 1 removed\) in \d+\.\d s\r?\n$",
            await ivrctl.OkAsync("customers", "import", after.Path, "--replace"));
        Assert.Equal($"CUSTOMER ID  NUMBER{NL}C-2          138****0009{NL}", await ivrctl.OkAsync("customers", "list"));
    }
}
