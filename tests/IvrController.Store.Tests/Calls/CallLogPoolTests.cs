using IvrController.Store.Calls;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests.Calls;

public sealed class CallLogPoolTests
{
    [Fact]
    public void The_pool_skips_the_reset_keeps_statements_prepared_and_otherwise_says_what_the_site_says()
    {
        var pool = new NpgsqlConnectionStringBuilder(CallLogPool.ConnectionString("Host=db.example;Port=6432;Username=ivr;Password=s3cret;Database=ivr;Timeout=7;Maximum Pool Size=40"));

        Assert.True(pool.NoResetOnClose);
        Assert.Equal(CallLogPool.PreparedStatements, pool.MaxAutoPrepare);
        Assert.Equal(("db.example", 6432, "ivr", "s3cret", "ivr", 7, 40), (pool.Host, pool.Port, pool.Username, pool.Password, pool.Database, pool.Timeout, pool.MaxPoolSize));
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0")]
    [InlineData("Host=db.example;MaxAutoPrepare=0")]
    [InlineData("Host=db.example;max auto prepare=0")]
    public void A_site_that_names_its_prepared_statements_keeps_its_number(string site)
    {
        var pool = new NpgsqlConnectionStringBuilder(CallLogPool.ConnectionString(site));

        Assert.Equal(0, pool.MaxAutoPrepare);
        Assert.True(pool.NoResetOnClose);
    }
}
