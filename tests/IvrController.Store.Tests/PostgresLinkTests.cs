using IvrController.TestSupport;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests;

/// <summary>The outage relay the fault tests rely on: a cut resets, a stall answers nothing, a restore resets only what hung.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLinkTests(PostgresServer server)
{
    [Fact]
    public async Task Restoring_again_leaves_connections_made_since_the_cut_working()
    {
        string database = await server.CreateDatabaseAsync(nameof(PostgresLinkTests));
        await using var link = PostgresLink.Down(database);
        link.Restore();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(link.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();

        link.Restore();

        await using var query = new NpgsqlCommand("select 1", connection);
        Assert.Equal(1, await query.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_restore_ends_the_connections_that_hung_and_a_cut_resets_every_one()
    {
        string database = await server.CreateDatabaseAsync(nameof(PostgresLinkTests));
        string unpooled = new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString;
        await using var link = PostgresLink.Up(unpooled);
        string throughLink = new NpgsqlConnectionStringBuilder(link.ConnectionString) { Pooling = false }.ConnectionString;
        await using var relayed = new NpgsqlConnection(throughLink);
        await relayed.OpenAsync();
        link.Hang();
        await using var hanging = new NpgsqlConnection(throughLink);
        Task opening = hanging.OpenAsync();
        await Task.Delay(200);
        Assert.False(opening.IsCompleted);

        link.Restore();

        // The hung attempt is reset (Npgsql may then try once more, through the restored link).
        Exception? ended = await Record.ExceptionAsync(() => opening.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(ended is null or NpgsqlException, $"the hung connection was not reset: {ended}");
        await using (var query = new NpgsqlCommand("select 1", relayed))
        {
            Assert.Equal(1, await query.ExecuteScalarAsync());
        }

        link.Cut();
        await using var afterCut = new NpgsqlCommand("select 1", relayed);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => afterCut.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_stall_leaves_a_connection_made_before_it_unanswered_until_a_restore_resets_it()
    {
        string database = await server.CreateDatabaseAsync(nameof(PostgresLinkTests));
        await using var link = PostgresLink.Up(database);
        string throughLink = new NpgsqlConnectionStringBuilder(link.ConnectionString) { Pooling = false }.ConnectionString;
        await using var relayed = new NpgsqlConnection(throughLink);
        await relayed.OpenAsync();
        link.Stall();

        await using var stalled = new NpgsqlCommand("select 1", relayed);
        Task<object?> asking = stalled.ExecuteScalarAsync();
        await Task.Delay(300);
        Assert.False(asking.IsCompleted);
        await using var arriving = new NpgsqlConnection(throughLink);
        Task opening = arriving.OpenAsync();
        await Task.Delay(200);
        Assert.False(opening.IsCompleted);

        link.Restore();

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => asking.WaitAsync(TimeSpan.FromSeconds(10)));
        Exception? ended = await Record.ExceptionAsync(() => opening.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(ended is null or NpgsqlException, $"the hung connection was not reset: {ended}");
        await using var afterwards = new NpgsqlConnection(throughLink);
        await afterwards.OpenAsync();
        await using var query = new NpgsqlCommand("select 1", afterwards);
        Assert.Equal(1, await query.ExecuteScalarAsync());
    }
}
