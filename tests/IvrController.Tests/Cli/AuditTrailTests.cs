using IvrController.TestSupport;
using Xunit;

namespace IvrController.Tests.Cli;

/// <summary>Every change made with ivrctl is in the audit log: the OS user running it, what changed and how; a refusal leaves none.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditTrailTests(PostgresServer postgres)
{
    private static readonly string Me = $"ivrctl:{Environment.UserName}";

    [Fact]
    public async Task Each_verb_that_changes_a_rule_writes_who_and_what_changed()
    {
        var database = await AdminDatabase.CreateAsync(postgres, "cli_audit");
        using var regions = new TempFile("prefix,province,city\n0755,广东,深圳\n", "regions.csv");
        string[][] verbs =
        [
            ["skill-groups", "add", "sales", "--name", "销售", "--direction", "outbound"],
            ["agents", "add", "1001", "--name", "张三", "--skill-group", "sales"],
            ["agents", "update", "1001", "--status", "offline"],
            ["numbers", "add", "021-5281-0000", "--skill-group", "sales"],
            ["numbers", "update", "+862152810000", "--disabled", "--max-concurrent", "5"],
            ["settings", "set", "--caller-id-rule", "same_region"],
            ["regions", "import", regions.Path],
            ["agents", "remove", "1001"],
        ];
        foreach (string[] verb in verbs)
        {
            Assert.Equal(0, (await database.RunAsync(verb)).ExitCode);
        }

        Assert.Equal(
            AdminDatabase.Lines(
                "skill group | added sales: name 销售; direction outbound",
                "agent | added 1001: name 张三; status active; skill groups sales",
                "agent | 1001: status active → offline",
                "number | added +862152810000: region automatic; enabled yes; max-concurrent none; daily-cap none; menu none; skill groups sales",
                "number | +862152810000: enabled yes → no; max-concurrent none → 5",
                "settings | caller-id-rule skill_group → same_region",
                "region table | imported regions.csv: 1 rows, 1 new, 0 changed, 0 removed",
                "agent | removed 1001"),
            await database.ScalarAsync<string>("select string_agg(action || ' | ' || detail || E'\\n', '' order by id) from audit_log"));
        Assert.Equal(Me, await database.ScalarAsync<string>("select string_agg(distinct who, ',') from audit_log"));
    }

    [Fact]
    public async Task A_refused_change_writes_no_entry()
    {
        var database = await AdminDatabase.CreateAsync(postgres, "cli_audit_refused", AdminDatabase.People);

        AdminDatabase.FailsWith("add agent 1001: an agent with this id already exists", await database.RunAsync("agents", "add", "1001", "--name", "王五"));
        AdminDatabase.FailsWith("update agent 1009: no such agent", await database.RunAsync("agents", "update", "1009", "--name", "x"));

        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from audit_log"));
    }
}
