using IvrController.Rules.Numbers;
using Xunit;
using static IvrController.Tests.CustomerIds.CustomerIdRig;

namespace IvrController.Tests.CustomerIds;

public sealed class HttpCustomerIdLookupCacheTests
{
    private static readonly Dictionary<string, string> Directory = new() { ["+8613800138000"] = "C10086" };

    private static readonly PhoneNumber Known = Number("+8613800138000");

    private static readonly PhoneNumber Unknown = Number("+8613912345678");

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task A_second_lookup_is_answered_from_the_cache_without_a_request()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Knowing(Directory));

        var first = await rig.Lookup.PhoneToCustomerIdsAsync([Known], CancellationToken.None);
        var second = await rig.Lookup.PhoneToCustomerIdsAsync([Known], CancellationToken.None);

        Assert.Equal("C10086", first[Known]);
        Assert.Equal("C10086", second[Known]);
        Assert.Single(rig.Crm.Requests);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task Only_the_numbers_missing_from_the_cache_are_sent()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Knowing(Directory));
        await rig.Lookup.PhoneToCustomerIdsAsync([Known], CancellationToken.None);

        var ids = await rig.Lookup.PhoneToCustomerIdsAsync([Known, Unknown], CancellationToken.None);

        Assert.Equal("C10086", Assert.Single(ids).Value);
        Assert.Equal(["+8613912345678"], rig.Crm.Requests[1].Items("phones"));
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task A_found_customer_is_reused_for_the_ttl_and_asked_again_after_it()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Knowing(Directory));
        await rig.Lookup.PhoneToCustomerIdsAsync([Known], CancellationToken.None);

        rig.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        await rig.Lookup.PhoneToCustomerIdsAsync([Known], CancellationToken.None);
        Assert.Single(rig.Crm.Requests);

        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        var ids = await rig.Lookup.PhoneToCustomerIdsAsync([Known], CancellationToken.None);
        Assert.Equal("C10086", ids[Known]);
        Assert.Equal(2, rig.Crm.Requests.Count);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task A_missing_customer_is_remembered_for_the_negative_ttl_only()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Knowing(Directory));
        Assert.Empty(await rig.Lookup.PhoneToCustomerIdsAsync([Unknown], CancellationToken.None));

        rig.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(await rig.Lookup.PhoneToCustomerIdsAsync([Unknown], CancellationToken.None));
        Assert.Single(rig.Crm.Requests);

        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(await rig.Lookup.PhoneToCustomerIdsAsync([Unknown], CancellationToken.None));
        Assert.Equal(2, rig.Crm.Requests.Count);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task Ids_resolved_to_numbers_are_cached_too()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Knowing(Directory));

        await rig.Lookup.CustomerIdToPhonesAsync(["C10086", "C404"], CancellationToken.None);
        var phones = await rig.Lookup.CustomerIdToPhonesAsync(["C10086", "C404"], CancellationToken.None);

        Assert.Equal(Known, phones["C10086"]);
        Assert.False(phones.ContainsKey("C404"));
        Assert.Single(rig.Crm.Requests);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task A_failure_is_not_cached_so_the_next_lookup_asks_again()
    {
        int calls = 0;
        await using var rig = new CustomerIdRig(
            ScriptedCrm.Answering(_ => Interlocked.Increment(ref calls) == 1 ? CrmReply.Error(400) : CrmReply.Uids(new Dictionary<string, string?> { ["+8613800138000"] = "C10086" })));

        await Assert.ThrowsAsync<IvrController.CustomerIds.CustomerIdLookupException>(() => rig.Lookup.PhoneToCustomerIdsAsync([Known], CancellationToken.None));
        var ids = await rig.Lookup.PhoneToCustomerIdsAsync([Known], CancellationToken.None);

        Assert.Equal("C10086", ids[Known]);
        Assert.Equal(2, rig.Crm.Requests.Count);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task Concurrent_lookups_of_the_same_number_share_one_request()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var rig = new CustomerIdRig(new ScriptedCrm(async (request, cancellationToken) =>
        {
            await release.Task.WaitAsync(cancellationToken);
            return CrmReply.Uids(request.Items("phones").ToDictionary(p => p, p => (string?)$"ID{p[^4..]}"));
        }));

        var first = rig.Lookup.PhoneToCustomerIdsAsync([Known], CancellationToken.None);
        Assert.Equal(["+8613800138000"], (await rig.Crm.NextRequestAsync()).Items("phones"));
        var second = rig.Lookup.PhoneToCustomerIdsAsync([Known], CancellationToken.None);
        // A list that overlaps joins the request in flight and asks only for what it adds.
        var overlapping = rig.Lookup.PhoneToCustomerIdsAsync([Known, Unknown], CancellationToken.None);
        Assert.Equal(["+8613912345678"], (await rig.Crm.NextRequestAsync()).Items("phones"));
        release.SetResult();

        Assert.Equal("ID8000", (await first)[Known]);
        Assert.Equal("ID8000", (await second)[Known]);
        IReadOnlyDictionary<PhoneNumber, string> both = await overlapping;
        Assert.Equal(["ID8000", "ID5678"], new[] { Known, Unknown }.Select(n => both[n]));
        Assert.Equal(2, rig.Crm.Requests.Count);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task A_caller_that_gives_up_does_not_cancel_the_request_others_wait_for()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var rig = new CustomerIdRig(new ScriptedCrm(async (_, cancellationToken) =>
        {
            await release.Task.WaitAsync(cancellationToken);
            return CrmReply.Uids(new Dictionary<string, string?> { ["+8613800138000"] = "C10086" });
        }));
        using var impatient = new CancellationTokenSource();

        var abandoned = rig.Lookup.PhoneToCustomerIdsAsync([Known], impatient.Token);
        await rig.Crm.NextRequestAsync();
        var patient = rig.Lookup.PhoneToCustomerIdsAsync([Known], CancellationToken.None);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        release.SetResult();

        Assert.Equal("C10086", (await patient)[Known]);
        Assert.Single(rig.Crm.Requests);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task With_the_cache_turned_off_every_lookup_asks()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Knowing(Directory), options => (options.CacheTtl, options.NegativeCacheTtl) = (TimeSpan.Zero, TimeSpan.Zero));

        await rig.Lookup.PhoneToCustomerIdsAsync([Known, Unknown], CancellationToken.None);
        await rig.Lookup.PhoneToCustomerIdsAsync([Known, Unknown], CancellationToken.None);

        Assert.Equal(2, rig.Crm.Requests.Count);
    }
}
