using System.Text;
using IvrController.Admin;
using Xunit;

namespace IvrController.Store.Tests.Admin;

[Collection(PostgresCollection.Name)]
public sealed class CustomerIdAdminTests(MigratedDatabase database) : AdminTestBase(database), IClassFixture<MigratedDatabase>
{
    private readonly CustomerIdAdmin _customers = new(database.DataSource, "tester");

    [Fact]
    public async Task An_import_stores_every_customer_with_the_number_in_e164()
    {
        ImportResult result = await ImportAsync("customer_id,number\nC-1,13812345678\nC-2,021-5281-0001\n", replace: false);

        Assert.Equal((2, 2, 0, 0), (result.Rows, result.Added, result.Changed, result.Removed));
        Assert.Equal(["C-1 +8613812345678", "C-2 +862152810001"], await TableAsync());
    }

    [Fact]
    public async Task By_default_customers_get_their_new_numbers_may_swap_them_and_the_others_stay()
    {
        await ImportAsync("customer_id,number\nC-1,13800000001\nC-2,13800000002\nC-3,13800000003\n", replace: false);

        ImportResult result = await ImportAsync("customer_id,number\nC-1,13800000002\nC-2,13800000001\nC-4,13800000004\n", replace: false);

        Assert.Equal((3, 1, 2, 0), (result.Rows, result.Added, result.Changed, result.Removed));
        Assert.Equal(["C-1 +8613800000002", "C-2 +8613800000001", "C-3 +8613800000003", "C-4 +8613800000004"], await TableAsync());
    }

    [Fact]
    public async Task A_number_that_still_belongs_to_a_customer_outside_the_file_refuses_the_import()
    {
        await ImportAsync("customer_id,number\nC-1,13800000001\n", replace: false);

        ImportResult result = await _customers.ImportAsync(
            new StringReader("customer_id,number\nC-5,13800000005\nC-9,13800000001\n"), "customers.csv", replace: false, default);

        Assert.Equal(["line 3: number 138****0001 belongs to customer id C-1, which this file does not change"], result.Errors.Select(e => e.ToString()));
        Assert.Equal(["C-1 +8613800000001"], await TableAsync());
    }

    [Fact]
    public async Task Replace_removes_customers_not_in_the_file_and_frees_their_numbers()
    {
        await ImportAsync("customer_id,number\nC-1,13800000001\nC-2,13800000002\n", replace: false);

        ImportResult result = await ImportAsync("customer_id,number\nC-9,13800000001\n", replace: true);

        Assert.Equal((1, 1, 0, 2), (result.Rows, result.Added, result.Changed, result.Removed));
        Assert.Equal(["C-9 +8613800000001"], await TableAsync());
    }

    [Fact]
    public async Task A_file_with_a_bad_line_writes_nothing()
    {
        await ImportAsync("customer_id,number\nC-1,13800000001\n", replace: false);

        ImportResult result = await _customers.ImportAsync(
            new StringReader("customer_id,number\nC-2,13800000002\nC-3,not a number\n"), "customers.csv", replace: true, default);

        Assert.Equal([3], result.Errors.Select(e => e.Line));
        Assert.Equal(["C-1 +8613800000001"], await TableAsync());
    }

    [Fact]
    public async Task The_list_is_capped_and_counts_them_all()
    {
        var csv = new StringBuilder("customer_id,number\n");
        for (int i = 0; i < 120; i++)
        {
            csv.Append($"C-{i:D3},1380000{i:D4}\n");
        }

        await ImportAsync(csv.ToString(), replace: false);

        var page = await _customers.ListAsync(50, default);
        Assert.Equal(120, page.Total);
        Assert.Equal(50, page.Rows.Count);
        Assert.Equal(("C-000", "+8613800000000"), (page.Rows[0].CustomerId, page.Rows[0].Number));
    }

    private async Task<ImportResult> ImportAsync(string csv, bool replace)
    {
        ImportResult result = await _customers.ImportAsync(new StringReader(csv), "customers.csv", replace, default);
        Assert.Empty(result.Errors);
        return result;
    }

    private Task<List<string>> TableAsync() =>
        Sql.ListAsync<string>(ConnectionString, "select customer_id || ' ' || number from customer_ids order by customer_id");
}
