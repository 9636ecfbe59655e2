using IvrController.Rules.Numbers;
using Xunit;
using static IvrController.Tests.CustomerIds.CustomerIdRig;

namespace IvrController.Tests.CustomerIds;

public sealed class HttpCustomerIdLookupContractTests
{
    private static readonly Dictionary<string, string> Directory = new()
    {
        ["+8613800138000"] = "C10086",
        ["+8613912345678"] = "C20001",
    };

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task Phone_to_uid_posts_e164_numbers_once_with_the_token_and_maps_the_ids_back()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Knowing(Directory));
        PhoneNumber first = Number("138 0013 8000");
        PhoneNumber second = Number("+86 139-1234-5678");

        IReadOnlyDictionary<PhoneNumber, string> ids = await rig.Lookup.PhoneToCustomerIdsAsync([first, second], CancellationToken.None);

        Assert.Equal("C10086", ids[first]);
        Assert.Equal("C20001", ids[second]);
        CrmRequest request = Assert.Single(rig.Crm.Requests);
        Assert.Equal(("POST", "/crm/v1/phone-to-uid"), (request.Method, request.Path));
        Assert.Equal(["+8613800138000", "+8613912345678"], request.Items("phones"));
        Assert.Equal($"Bearer {Token}", request.Header("Authorization"));
        Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task Uid_to_phone_posts_the_ids_and_returns_normalised_numbers()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Answering(_ => CrmReply.Phones(new Dictionary<string, string?>
        {
            ["C10086"] = "+8613800138000",
            // Numbers are read, not trusted as text: the national form is the same customer.
            ["C20001"] = "13912345678",
        })));

        IReadOnlyDictionary<string, PhoneNumber> phones = await rig.Lookup.CustomerIdToPhonesAsync(["C10086", "C20001"], CancellationToken.None);

        Assert.Equal("+8613800138000", phones["C10086"].E164);
        Assert.Equal("+8613912345678", phones["C20001"].E164);
        CrmRequest request = Assert.Single(rig.Crm.Requests);
        Assert.Equal("/crm/v1/uid-to-phone", request.Path);
        Assert.Equal(["C10086", "C20001"], request.Items("uids"));
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task Numbers_and_ids_the_crm_does_not_know_are_absent_from_the_answer()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Answering(request => request.Path.EndsWith("phone-to-uid", StringComparison.Ordinal)
            ? CrmReply.Json("""{"uids":{"+8613800138000":"C10086","+8613912345678":null,"+862152810000":"  "}}""")
            : CrmReply.Json("""{"phones":{"C10086":"+8613800138000","C404":null,"C405":""}}""")));
        PhoneNumber known = Number("+8613800138000");

        IReadOnlyDictionary<PhoneNumber, string> ids = await rig.Lookup.PhoneToCustomerIdsAsync(
            [known, Number("+8613912345678"), Number("021-52810000"), Number("13700000000")], CancellationToken.None);
        IReadOnlyDictionary<string, PhoneNumber> phones = await rig.Lookup.CustomerIdToPhonesAsync(["C10086", "C404", "C405", "C999"], CancellationToken.None);

        Assert.Equal(new Dictionary<PhoneNumber, string> { [known] = "C10086" }, ids);
        Assert.Equal(["C10086"], phones.Keys);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task Entries_the_crm_adds_without_being_asked_are_ignored()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Answering(_ =>
            CrmReply.Json("""{"uids":{"+8613800138000":"C10086","+8613912345678":"C20001"},"extra":true}""")));
        PhoneNumber asked = Number("+8613800138000");

        IReadOnlyDictionary<PhoneNumber, string> ids = await rig.Lookup.PhoneToCustomerIdsAsync([asked], CancellationToken.None);

        Assert.Equal([asked], ids.Keys);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task A_long_list_is_sent_in_batches_of_at_most_BatchSize_and_answered_whole()
    {
        Dictionary<string, string> directory = Enumerable.Range(0, 5).ToDictionary(i => $"+86139000000{i:D2}", i => $"C{i}");
        await using var rig = new CustomerIdRig(ScriptedCrm.Knowing(directory), options => options.BatchSize = 2);
        PhoneNumber[] numbers = [.. directory.Keys.Select(Number)];

        IReadOnlyDictionary<PhoneNumber, string> ids = await rig.Lookup.PhoneToCustomerIdsAsync(numbers, CancellationToken.None);

        Assert.Equal(directory.Values.Order(), ids.Values.Order());
        Assert.Equal([2, 2, 1], rig.Crm.Requests.Select(request => request.Items("phones").Count));
        Assert.Equal(directory.Keys, rig.Crm.Requests.SelectMany(request => request.Items("phones")));
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task The_same_number_twice_in_one_list_is_asked_once()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Knowing(Directory));
        PhoneNumber number = Number("+8613800138000");

        IReadOnlyDictionary<PhoneNumber, string> ids = await rig.Lookup.PhoneToCustomerIdsAsync([number, Number("13800138000")], CancellationToken.None);

        Assert.Equal("C10086", Assert.Single(ids).Value);
        Assert.Equal(["+8613800138000"], Assert.Single(rig.Crm.Requests).Items("phones"));
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task Empty_lists_and_blank_ids_send_nothing()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Knowing(Directory));

        Assert.Empty(await rig.Lookup.PhoneToCustomerIdsAsync([], CancellationToken.None));
        Assert.Empty(await rig.Lookup.CustomerIdToPhonesAsync(["", "  "], CancellationToken.None));

        Assert.Empty(rig.Crm.Requests);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task Without_a_token_no_authorization_header_is_sent()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Knowing(Directory), options => options.BearerToken = null);

        await rig.Lookup.PhoneToCustomerIdsAsync([Number("+8613800138000")], CancellationToken.None);

        Assert.Null(Assert.Single(rig.Crm.Requests).Header("Authorization"));
    }
}
