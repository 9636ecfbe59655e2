using IvrController.Store.Changes;
using Xunit;

namespace IvrController.Store.Tests.Changes;

public sealed class RuleChangeTests
{
    [Fact]
    public void Merge_unites_tables_keeps_resync_and_the_latest_time()
    {
        var early = new RuleChange(new SortedSet<string> { "agents" }, Resync: true, DateTimeOffset.UnixEpoch);
        var late = new RuleChange(new SortedSet<string> { "settings", "agents" }, Resync: false, DateTimeOffset.UnixEpoch.AddSeconds(1));

        var merged = early.Merge(late);

        Assert.Equal(["agents", "settings"], merged.Tables);
        Assert.True(merged.Resync);
        Assert.Equal(late.At, merged.At);
        var reversed = late.Merge(early);
        Assert.Equal(merged.Tables, reversed.Tables);
        Assert.Equal((merged.Resync, merged.At), (reversed.Resync, reversed.At));
    }
}
