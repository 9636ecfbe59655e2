using IvrController.Admin;
using IvrController.Rules.CallerId;
using IvrController.TestSupport;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests.Admin;

/// <summary>Console accounts and the audit log: each change commits with its audit entry, a refused one leaves neither.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConsoleAccountAdminTests(PostgresServer server)
{
    private static readonly AuditEntry ByTest = new("ivrctl:test", "account", "test change");

    [Fact]
    public async Task An_account_is_added_found_rehashed_and_removed_each_change_with_its_audit_entry()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "accounts_life");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var accounts = new ConsoleAccountAdmin(dataSource);

        await accounts.AddAsync("boss", ConsoleRole.Admin, "hash-1", ByTest with { Detail = "added boss (admin)" }, CancellationToken.None);
        ConsoleAccount? added = await accounts.FindAsync("boss", CancellationToken.None);
        await accounts.RehashAsync("boss", "hash-1", "hash-2", CancellationToken.None);
        await accounts.RehashAsync("boss", "hash-1", "stale", CancellationToken.None);
        string? rehashed = (await accounts.FindAsync("boss", CancellationToken.None))?.PasswordHash;
        await accounts.RemoveAsync("boss", ByTest with { Detail = "removed boss" }, CancellationToken.None);

        Assert.Equal((ConsoleRole.Admin, "hash-1"), (added?.Role, added?.PasswordHash));
        Assert.Equal("hash-2", rehashed);
        Assert.Null(await accounts.FindAsync("boss", CancellationToken.None));
        IReadOnlyList<AuditRecord> audit = await new AuditLog(dataSource).LatestAsync(10, CancellationToken.None);
        Assert.Equal(["removed boss", "added boss (admin)"], audit.Select(a => a.Detail));
        Assert.All(audit, a => Assert.Equal("ivrctl:test", a.Who));
    }

    [Fact]
    public async Task A_refused_change_writes_no_audit_entry()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "accounts_refused");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var accounts = new ConsoleAccountAdmin(dataSource);
        await accounts.AddAsync("boss", ConsoleRole.Admin, "hash", ByTest, CancellationToken.None);

        var taken = await Assert.ThrowsAsync<RuleEditException>(() => accounts.AddAsync("boss", ConsoleRole.Supervisor, "hash", ByTest, CancellationToken.None));
        var malformed = await Assert.ThrowsAsync<RuleEditException>(() => accounts.AddAsync("no spaces", ConsoleRole.Supervisor, "hash", ByTest, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<RuleEditException>(() => accounts.RemoveAsync("nobody", ByTest, CancellationToken.None));

        Assert.Equal("add admin boss: a console account with this name already exists", taken.Message);
        Assert.StartsWith("add admin no spaces: a console account name is 1-64 of", malformed.Message, StringComparison.Ordinal);
        Assert.Equal("remove admin nobody: there is no such console account", missing.Message);
        Assert.Single(await new AuditLog(dataSource).LatestAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task A_settings_edit_with_an_audit_entry_commits_both_and_a_refused_one_neither()
    {
        string connectionString = await MigratedDatabase.CreateAsync(server, "settings_audit");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var settings = new SettingsAdmin(dataSource, "boss");

        SettingsUpdate update = await settings.UpdateAsync(new SettingsChange { CallerIdRule = CallerIdRule.SameRegion }, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<RuleEditException>(() => settings.UpdateAsync(
            new SettingsChange { CallbackRingTimeout = TimeSpan.FromSeconds(500) }, CancellationToken.None));

        Assert.Equal(await Sql.ScalarAsync<long>(connectionString, "select version from rules_version"), update.After.RulesVersion);
        Assert.True(update.After.RulesVersion > update.Before.RulesVersion);
        Assert.Equal(["callback ring timeout must be 1 to 120 s"], refused.Problems);
        AuditRecord entry = Assert.Single(await new AuditLog(dataSource).LatestAsync(10, CancellationToken.None));
        Assert.Equal(("boss", "settings", "caller-id-rule skill_group → same_region"), (entry.Who, entry.Action, entry.Detail));
    }
}
