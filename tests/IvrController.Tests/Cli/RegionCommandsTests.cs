using System.Text;
using System.Text.RegularExpressions;
using IvrController.Cli;
using IvrController.TestSupport;
using Xunit;

namespace IvrController.Tests.Cli;

[Collection(PostgresCollection.Name)]
public sealed partial class RegionCommandsTests(PostgresServer postgres)
{
    private static readonly string NL = Environment.NewLine;

    [Fact]
    public async Task An_import_prints_one_summary_line_and_a_second_import_counts_what_changed()
    {
        var ivrctl = await MigratedIvrctl.CreateAsync(postgres, "cli_regions");
        using var first = new TempFile("\uFEFFprefix,province,city\n021,上海,上海\n\"0755\",\"广东省\",\"深圳市\"\n1380013,广东,广州\n");
        using var second = new TempFile("prefix,province,city\n0755,广东,深圳\n1380013,广东,佛山\n1390000,北京,北京\n");

        Assert.Matches(Summary("3 prefixes (3 new, 0 changed)"), await ivrctl.OkAsync("regions", "import", first.Path));
        Assert.Matches(Summary("3 prefixes (1 new, 1 changed)"), await ivrctl.OkAsync("regions", "import", second.Path));
        Assert.Equal(
            $"PREFIX   PROVINCE  CITY{NL}" +
            $"021      上海      上海{NL}" +
            $"0755     广东      深圳{NL}" +
            $"1380013  广东      佛山{NL}" +
            $"1390000  北京      北京{NL}",
            await ivrctl.OkAsync("regions", "list"));

        Assert.Matches(Summary("3 prefixes (0 new, 0 changed, 1 removed)"), await ivrctl.OkAsync("regions", "import", second.Path, "--replace"));
    }

    [Fact]
    public async Task A_file_with_bad_lines_lists_each_then_one_verdict_and_imports_nothing()
    {
        var ivrctl = await MigratedIvrctl.CreateAsync(postgres, "cli_regions_bad");
        using var file = new TempFile("prefix,province,city\n1380013,广东,广州\n12,北京,北京\n1380015,,深圳\n", "regions.csv");

        var result = await ivrctl.RunAsync("regions", "import", file.Path);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal(
            $"line 3: prefix '12' is too short: a region prefix has 3 to 8 digits{NL}" +
            $"line 4: province is empty{NL}" +
            $"ivrctl: nothing was imported: 2 lines of regions.csv must be fixed first{NL}",
            result.Error);
        Assert.Equal($"The region table is empty.{NL}", await ivrctl.OkAsync("regions", "list"));
    }

    [Fact]
    public async Task Thousands_of_bad_lines_are_counted_not_all_listed()
    {
        var ivrctl = await MigratedIvrctl.CreateAsync(postgres, "cli_regions_flood");
        var csv = new StringBuilder("prefix,province,city\n");
        for (int i = 0; i < 2_000; i++)
        {
            csv.Append("x,广东,广州\n");
        }

        using var file = new TempFile(csv.ToString(), "wrong.csv");
        var result = await ivrctl.RunAsync("regions", "import", file.Path);

        string[] lines = result.Error.Split(NL, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ImportFile.MaxLinesShown + 2, lines.Length);
        Assert.Equal("… and 1,950 more", lines[^2]);
        Assert.Equal("ivrctl: nothing was imported: 2,000 lines of wrong.csv must be fixed first", lines[^1]);
    }

    [Fact]
    public async Task The_list_is_capped_and_says_how_many_more_there_are()
    {
        var ivrctl = await MigratedIvrctl.CreateAsync(postgres, "cli_regions_list");
        var csv = new StringBuilder("prefix,province,city\n");
        for (int i = 0; i < 120; i++)
        {
            csv.Append(1_380_000 + i).Append(",广东,广州\n");
        }

        using var file = new TempFile(csv.ToString());
        await ivrctl.OkAsync("regions", "import", file.Path);

        string[] capped = (await ivrctl.OkAsync("regions", "list")).Split(NL, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 50 + 1, capped.Length);
        Assert.Equal("… and 70 more (120 in all); narrow with --prefix or raise --limit.", capped[^1]);

        string[] narrowed = (await ivrctl.OkAsync("regions", "list", "--prefix", "138010")).Split(NL, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["PREFIX   PROVINCE  CITY", "1380100  广东      广州", "1380101  广东      广州"], narrowed[..3]);
        Assert.Equal(1 + 10, narrowed.Length);

        Assert.Equal($"No prefixes start with 139.{NL}", await ivrctl.OkAsync("regions", "list", "--prefix", "139"));
    }

    [Fact]
    public async Task A_missing_file_is_one_line()
    {
        var ivrctl = await MigratedIvrctl.CreateAsync(postgres, "cli_regions_missing");
        Assert.Equal("ivrctl: cannot read /nonexistent/regions.csv: no such file",
            await ivrctl.RefusedAsync("regions", "import", "/nonexistent/regions.csv"));
    }

    private static Regex Summary(string counts) => new($@"^Imported {Regex.Escape(counts)} in \d+\.\d s{NL}$");
}
