using System.Text;
using IvrController.Admin;
using Xunit;

namespace IvrController.Store.Tests.Admin;

[Collection(PostgresCollection.Name)]
public sealed class NumberRegionAdminTests(MigratedDatabase database) : AdminTestBase(database), IClassFixture<MigratedDatabase>
{
    private readonly NumberRegionAdmin _regions = new(database.DataSource, "tester");

    [Fact]
    public async Task A_good_file_with_a_bom_and_quoted_fields_is_imported_in_canonical_names()
    {
        const string csv = "\uFEFFprefix,province,city\r\n1731234,广东省,广州市\r\n\r\n\"0755\", \"广东\" , \"深圳市\"\r\n021,上海,上海\r\n";

        ImportResult result = await _regions.ImportAsync(new StringReader(csv), "regions.csv", replace: false, default);

        Assert.Equal(new ImportResult(3, 3, 0, 0, []).ToString(), result.ToString());
        Assert.Equal(["021 上海/上海", "0755 广东/深圳", "1731234 广东/广州"], await TableAsync());
    }

    [Fact]
    public async Task Bad_lines_are_reported_with_their_numbers_and_nothing_is_written()
    {
        await ImportAsync("prefix,province,city\n1731234,广东,广州\n", replace: false);
        const string csv = """
            prefix,province,city
            1380013,广东,广州
            12,北京,北京
            13800a4,广东,广州
            1380015,,深圳
            013812345,广东,深圳
            """;

        ImportResult result = await _regions.ImportAsync(new StringReader(csv), "regions.csv", replace: true, default);

        Assert.False(result.IsImported);
        Assert.Equal(
            [
                "line 3: prefix '12' is too short: a region prefix has 3 to 8 digits",
                "line 4: prefix '13800a4' has characters that are not digits",
                "line 5: province is empty",
                "line 6: prefix '013812345' is too long: a region prefix has 3 to 8 digits",
            ],
            result.Errors.Select(e => e.ToString()));
        Assert.Equal(["1731234 广东/广州"], await TableAsync());
    }

    [Fact]
    public async Task By_default_an_import_adds_and_updates_and_keeps_the_other_prefixes()
    {
        await ImportAsync("prefix,province,city\n1380000,广东,广州\n1380001,广东,广州\n1380002,广东,广州\n", replace: false);

        ImportResult result = await ImportAsync("prefix,province,city\n1380001,广东,深圳\n1380002,广东,广州\n1380003,广东,佛山\n", replace: false);

        Assert.Equal((3, 1, 1, 0), (result.Rows, result.Added, result.Changed, result.Removed));
        Assert.Equal(["1380000 广东/广州", "1380001 广东/深圳", "1380002 广东/广州", "1380003 广东/佛山"], await TableAsync());
    }

    [Fact]
    public async Task Replace_makes_the_table_exactly_the_file()
    {
        await ImportAsync("prefix,province,city\n1380000,广东,广州\n1380001,广东,广州\n1380002,广东,广州\n", replace: false);

        ImportResult result = await ImportAsync("prefix,province,city\n1380001,广东,深圳\n1380002,广东,广州\n1380003,广东,佛山\n", replace: true);

        Assert.Equal((3, 1, 1, 1), (result.Rows, result.Added, result.Changed, result.Removed));
        Assert.Equal(["1380001 广东/深圳", "1380002 广东/广州", "1380003 广东/佛山"], await TableAsync());
    }

    [Fact]
    public async Task A_hundred_thousand_lines_are_imported_whole()
    {
        var csv = new StringBuilder("prefix,province,city\n", 3_000_000);
        for (int i = 0; i < 100_000; i++)
        {
            csv.Append(1_300_000 + i).Append(i % 2 == 0 ? ",广东,广州\n" : ",江苏,南京\n");
        }

        ImportResult result = await ImportAsync(csv.ToString(), replace: false);
        Assert.Equal((100_000, 100_000, 0, 0), (result.Rows, result.Added, result.Changed, result.Removed));
        Assert.Equal(100_000, await CountAsync("number_regions"));
        Assert.Equal(50_000, await Sql.ScalarAsync<long>(ConnectionString, "select count(*) from number_regions where city = '南京'"));

        ImportResult again = await ImportAsync(csv.ToString(), replace: true);
        Assert.Equal((100_000, 0, 0, 0), (again.Rows, again.Added, again.Changed, again.Removed));
    }

    [Fact]
    public async Task The_list_is_capped_and_says_how_many_match()
    {
        await ImportAsync("prefix,province,city\n021,上海,上海\n0755,广东,深圳\n1380001,广东,广州\n1380002,广东,广州\n1390000,北京,北京\n", replace: false);

        var all = await _regions.ListAsync(null, 2, default);
        Assert.Equal(5, all.Total);
        Assert.Equal(["021", "0755"], all.Rows.Select(r => r.Prefix));

        var mobile = await _regions.ListAsync("138", 10, default);
        Assert.Equal(2, mobile.Total);
        Assert.Equal(["1380001", "1380002"], mobile.Rows.Select(r => r.Prefix));

        await RefusedAsync("list regions: a prefix filter is digits only", () => _regions.ListAsync("13%", 10, default));
    }

    private async Task<ImportResult> ImportAsync(string csv, bool replace)
    {
        ImportResult result = await _regions.ImportAsync(new StringReader(csv), "regions.csv", replace, default);
        Assert.Empty(result.Errors);
        return result;
    }

    private Task<List<string>> TableAsync() =>
        Sql.ListAsync<string>(ConnectionString, "select prefix || ' ' || province || '/' || city from number_regions order by prefix");
}
