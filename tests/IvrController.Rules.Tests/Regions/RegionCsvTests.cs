using IvrController.Rules.Regions;
using Xunit;
using static IvrController.Rules.Tests.Support.Numbers;

namespace IvrController.Rules.Tests.Regions;

public sealed class RegionCsvTests
{
    [Fact]
    public void A_good_file_gives_every_row_in_canonical_names()
    {
        const string csv = "\uFEFFprefix,province,city\r\n1731234,广东省,广州市\r\n\r\n\"0755\", \"广东\" , \"深圳市\"\r\n021,上海,上海\r\n";
        RegionCsvImport import = RegionPrefixTable.ParseCsv(new StringReader(csv));

        Assert.Empty(import.Errors);
        Assert.True(import.IsValid);
        Assert.Equal(
            [
                new RegionPrefixRow("1731234", new NumberRegion("广东", "广州")),
                new RegionPrefixRow("0755", new NumberRegion("广东", "深圳")),
                new RegionPrefixRow("021", new NumberRegion("上海", "上海")),
            ],
            import.Rows);
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_number_and_the_good_lines_are_kept()
    {
        const string csv = """
            prefix,province,city
            1380013,广东省,广州市
            13800a4,广东,广州
            1380015,,深圳
            1380016,广东
            1380013,广东,深圳
            1380013,广东省,广州
            2380013,广东,深圳
            1390000,北京,
            "1390001,北京,北京
            1390002,北京,北京,朝阳
            1390003,北京,北京
            """;
        RegionCsvImport import = RegionPrefixTable.ParseCsv(new StringReader(csv));

        Assert.Equal(
            [
                "line 3: prefix '13800a4' has characters that are not digits",
                "line 4: province is empty",
                "line 5: expected 3 columns (prefix,province,city), found 2",
                "line 6: prefix 1380013 is already mapped to 广东/广州 on line 2",
                "line 8: prefix '2380013' must start with 1 (a mobile prefix) or 0 (a landline area code)",
                "line 9: city is empty",
                "line 10: a quoted field is not closed",
                "line 11: expected 3 columns (prefix,province,city), found 4",
            ],
            import.Errors.Select(e => e.ToString()));
        Assert.False(import.IsValid);
        Assert.Equal(["1380013", "1390003"], import.Rows.Select(r => r.Prefix));
    }

    [Fact]
    public void A_line_with_several_problems_reports_each()
    {
        const string csv = "prefix,province,city\nx1,,\n";
        RegionCsvImport import = RegionPrefixTable.ParseCsv(new StringReader(csv));
        Assert.Equal(
            [
                new RegionCsvError(2, "prefix 'x1' has characters that are not digits"),
                new RegionCsvError(2, "province is empty"),
                new RegionCsvError(2, "city is empty"),
            ],
            import.Errors);
    }

    [Fact]
    public void A_missing_header_is_reported_and_a_first_line_of_data_is_still_read()
    {
        RegionCsvImport import = RegionPrefixTable.ParseCsv(new StringReader("1731234,广东,广州\n1991234,广东,深圳\n"));
        Assert.Equal([new RegionCsvError(1, "the first line must be the header prefix,province,city")], import.Errors);
        Assert.Equal(2, import.Rows.Count);
    }

    [Fact]
    public void A_wrong_header_is_reported()
    {
        RegionCsvImport import = RegionPrefixTable.ParseCsv(new StringReader("号段,省,市\n1731234,广东,广州\n"));
        Assert.Equal([new RegionCsvError(1, "the first line must be the header prefix,province,city")], import.Errors);
        Assert.Single(import.Rows);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        RegionCsvImport import = RegionPrefixTable.ParseCsv(new StringReader(""));
        Assert.Equal([new RegionCsvError(1, "the file is empty: expected the header prefix,province,city")], import.Errors);
        Assert.Empty(import.Rows);
    }

    [Fact]
    public void A_header_in_capitals_is_a_header() =>
        Assert.True(RegionPrefixTable.ParseCsv(new StringReader("Prefix,Province,City\n")).IsValid);

    [Fact]
    public void An_imported_file_becomes_a_table_that_finds_numbers()
    {
        RegionPrefixTable table = RegionPrefixTable.ParseCsv(new StringReader("prefix,province,city\n1731234,广东,广州\n")).ToTable();
        Assert.True(table.TryFind(N("17312345678"), out NumberRegion? region, out _));
        Assert.Equal(new NumberRegion("广东", "广州"), region);
    }
}
