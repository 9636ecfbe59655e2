using IvrController.Admin;
using Xunit;

namespace IvrController.Store.Tests.Admin;

/// <summary>
/// Admin tests share one migrated database per class and start every test from empty rule tables
/// (xunit makes a new instance, and so calls <see cref="InitializeAsync"/>, for each test).
/// </summary>
public abstract class AdminTestBase(MigratedDatabase database) : IAsyncLifetime
{
    protected MigratedDatabase Database { get; } = database;

    protected string ConnectionString => Database.ConnectionString;

    public Task InitializeAsync() => Sql.ExecuteAsync(ConnectionString, """
        truncate agents, skill_groups, agent_skill_groups, caller_numbers, skill_group_numbers,
                 ivr_menus, ivr_options, number_regions, customer_ids
        """);

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Asserts that <paramref name="edit"/> is refused with exactly <paramref name="message"/>.</summary>
    protected static async Task<RuleEditException> RefusedAsync(string message, Func<Task> edit)
    {
        var refusal = await Assert.ThrowsAsync<RuleEditException>(edit);
        Assert.Equal(message, refusal.Message);
        return refusal;
    }

    protected Task<long> CountAsync(string table) => Sql.ScalarAsync<long>(ConnectionString, $"select count(*) from {table}");
}
