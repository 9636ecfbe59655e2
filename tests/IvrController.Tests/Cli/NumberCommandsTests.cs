using IvrController.Cli;
using IvrController.TestSupport;
using Xunit;

namespace IvrController.Tests.Cli;

[Collection(PostgresCollection.Name)]
public sealed class NumberCommandsTests(PostgresServer postgres)
{
    private static readonly string NL = Environment.NewLine;

    [Fact]
    public async Task Numbers_typed_in_any_form_are_added_in_e164_and_listed_with_their_settings()
    {
        var ivrctl = await MigratedIvrctl.CreateAsync(postgres, "cli_numbers");
        await ivrctl.OkAsync("skill-groups", "add", "sales", "--name", "Sales", "--direction", "outbound");

        Assert.Equal($"Added number +862152810000, at most 5 at once, daily cap 200, no menu, skill groups: sales.{NL}",
            await ivrctl.OkAsync("numbers", "add", "021-5281-0000", "--max-concurrent", "5", "--daily-cap", "200", "--skill-group", "sales"));
        Assert.Equal($"Added number +8613800138000, region 广东/深圳, disabled, no limit at once, no daily cap, no menu, skill groups: none.{NL}",
            await ivrctl.OkAsync("numbers", "add", "138 0013 8000", "--province", "广东省", "--city", "深圳市", "--disabled"));

        Assert.Equal(
            $"NUMBER          REGION       ENABLED  MAX CONCURRENT  DAILY CAP  MENU  SKILL GROUPS{NL}" +
            $"+8613800138000  广东/深圳    no       -               -          -     none{NL}" +
            $"+862152810000   (looked up)  yes      5               200        -     sales{NL}",
            await ivrctl.OkAsync("numbers", "list"));
    }

    [Fact]
    public async Task An_update_sets_and_clears_only_what_it_names()
    {
        var ivrctl = await MigratedIvrctl.CreateAsync(postgres, "cli_numbers_update");
        await ivrctl.OkAsync("skill-groups", "add", "sales", "--name", "Sales");
        await ivrctl.OkAsync("skill-groups", "add", "vip", "--name", "VIP");
        await ivrctl.OkAsync("numbers", "add", "13800138000", "--disabled", "--max-concurrent", "5", "--daily-cap", "200", "--skill-group", "sales");

        Assert.Equal($"Updated number +8613800138000: enabled, no limit at once, skill groups: vip, sales.{NL}",
            await ivrctl.OkAsync("numbers", "update", "+86 138-0013-8000", "--enabled", "--no-max-concurrent", "--skill-groups", "vip,sales"));
        Assert.Equal(
            $"NUMBER          REGION       ENABLED  MAX CONCURRENT  DAILY CAP  MENU  SKILL GROUPS{NL}" +
            $"+8613800138000  (looked up)  yes      -               200        -     sales, vip{NL}",
            await ivrctl.OkAsync("numbers", "list"));

        Assert.Equal($"Updated number +8613800138000: no daily cap, skill groups: none.{NL}",
            await ivrctl.OkAsync("numbers", "update", "13800138000", "--no-daily-cap", "--skill-groups", ""));
        Assert.Contains("+8613800138000  (looked up)  yes      -               -          -     none",
            await ivrctl.OkAsync("numbers", "list"), StringComparison.Ordinal);

        Assert.Equal($"Removed number +8613800138000.{NL}", await ivrctl.OkAsync("numbers", "remove", "138-0013-8000"));
        Assert.Equal($"No caller numbers.{NL}", await ivrctl.OkAsync("numbers", "list"));
    }

    [Fact]
    public async Task Refusals_are_one_line_and_never_repeat_a_number_that_did_not_normalise()
    {
        var ivrctl = await MigratedIvrctl.CreateAsync(postgres, "cli_numbers_refused");
        await ivrctl.OkAsync("numbers", "add", "021-5281-0000");

        Assert.Equal("ivrctl: add number +862152810000: this number is already in the pool",
            await ivrctl.RefusedAsync("numbers", "add", "+86 21 5281 0000"));
        string bad = await ivrctl.RefusedAsync("numbers", "add", "138-1234-567");
        Assert.Equal("ivrctl: add number ***-****-*67: too short: 10 digits; a mobile number has 11", bad);
        Assert.Equal("ivrctl: add number +8613800138000: no such IVR menu",
            await ivrctl.RefusedAsync("numbers", "add", "13800138000", "--menu", "main"));
        Assert.Equal("ivrctl: add number +8613800138000: a number's region is a province and a city: give both or neither",
            await ivrctl.RefusedAsync("numbers", "add", "13800138000", "--city", "深圳"));
        Assert.Equal("ivrctl: update number +862152810000: max concurrent calls must be at least 1 (or no limit)",
            await ivrctl.RefusedAsync("numbers", "update", "02152810000", "--max-concurrent", "0"));
        Assert.Equal("ivrctl: update number: give --enabled or --disabled, not both",
            await ivrctl.RefusedAsync("numbers", "update", "02152810000", "--enabled", "--disabled"));
        Assert.Equal("ivrctl: update number: give --menu or --no-menu, not both",
            await ivrctl.RefusedAsync("numbers", "update", "02152810000", "--menu", "main", "--no-menu"));
        Assert.Equal("ivrctl: update number: nothing to change; see 'ivrctl numbers update --help' for the options",
            await ivrctl.RefusedAsync("numbers", "update", "02152810000"));
        Assert.Equal("ivrctl: update number +8613800138000: no such caller number",
            await ivrctl.RefusedAsync("numbers", "update", "13800138000", "--enabled"));
        Assert.Equal("ivrctl: remove number +8613800138000: no such caller number",
            await ivrctl.RefusedAsync("numbers", "remove", "13800138000"));
    }

    [Fact]
    public async Task A_cap_that_is_not_a_number_is_a_usage_error()
    {
        var result = await new Ivrctl(null).RunAsync("numbers", "add", "13800138000", "--daily-cap", "lots");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("lots", result.Error, StringComparison.Ordinal);
    }
}
