using System.Net;
using System.Net.Sockets;
using IvrController.CustomerIds;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using Xunit;
using static IvrController.Tests.CustomerIds.CustomerIdRig;

namespace IvrController.Tests.CustomerIds;

public sealed class HttpCustomerIdLookupFailureTests
{
    private const string Digits = "13800138000";

    private static readonly PhoneNumber Customer = Number("+8613800138000");

    private static readonly CrmReply Found = CrmReply.Uids(new Dictionary<string, string?> { ["+8613800138000"] = "C10086" });

    [Theory(Timeout = CustomerIdRig.TestTimeout)]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    public async Task A_5xx_or_429_is_retried_after_a_backoff_on_the_injected_clock(int status)
    {
        int calls = 0;
        await using var rig = new CustomerIdRig(ScriptedCrm.Answering(_ => Interlocked.Increment(ref calls) == 1 ? CrmReply.Error(status) : Found));

        var lookup = rig.Lookup.PhoneToCustomerIdsAsync([Customer], CancellationToken.None);
        Assert.Equal(TimeSpan.FromMilliseconds(800), await rig.Clock.NextTimerAsync());
        TimeSpan backoff = await rig.Clock.NextTimerAsync();
        Assert.InRange(backoff.TotalMilliseconds, 25, 50);
        // The retry waits for the clock: nothing is sent until the backoff has passed.
        Assert.Single(rig.Crm.Requests);
        rig.Clock.Advance(backoff);

        Assert.Equal("C10086", (await lookup)[Customer]);
        Assert.Equal(2, rig.Crm.Requests.Count);
        Assert.Equal(rig.Crm.Requests[0].Body, rig.Crm.Requests[1].Body);
    }

    [Theory(Timeout = CustomerIdRig.TestTimeout)]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    public async Task A_4xx_is_not_retried_and_fails_with_a_typed_exception_naming_the_status(int status)
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Answering(_ => CrmReply.Error(status)));

        var failure = await Assert.ThrowsAsync<CustomerIdLookupException>(() => rig.Lookup.PhoneToCustomerIdsAsync([Customer], CancellationToken.None));

        Assert.Contains($"HTTP {status}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("phone-to-uid", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Digits, failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, failure.Attempts);
        Assert.Single(rig.Crm.Requests);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task A_service_that_never_answers_fails_after_retries_plus_one_timed_out_attempts()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Answering(_ => CrmReply.Silent));

        var lookup = rig.Lookup.PhoneToCustomerIdsAsync([Customer], CancellationToken.None);
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(TimeSpan.FromMilliseconds(800), await rig.Clock.NextTimerAsync());
            await rig.Crm.NextRequestAsync();
            Assert.False(lookup.IsCompleted);
            rig.Clock.Advance(TimeSpan.FromMilliseconds(800));
            if (attempt < 3)
            {
                await rig.Clock.FireNextTimerAsync();
            }
        }

        var failure = await Assert.ThrowsAsync<CustomerIdLookupException>(() => lookup);
        Assert.Equal("The customer-ID service gave no answer to phone-to-uid after 3 attempt(s): no answer within 800 ms.", failure.Message);
        Assert.Equal(3, failure.Attempts);
        Assert.Equal(3, rig.Crm.Requests.Count);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task Retries_zero_means_one_attempt()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Answering(_ => CrmReply.Error(503)), options => options.Retries = 0);

        var failure = await Assert.ThrowsAsync<CustomerIdLookupException>(() => rig.Lookup.PhoneToCustomerIdsAsync([Customer], CancellationToken.None));

        Assert.Equal("The customer-ID service gave no answer to phone-to-uid after 1 attempt(s): HTTP 503.", failure.Message);
        Assert.Single(rig.Crm.Requests);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task A_service_nobody_listens_on_is_a_connection_failure_after_every_attempt()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        int port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var rig = new CustomerIdRig(
            ScriptedCrm.Answering(_ => Found),
            options => (options.BaseUrl, options.RetryDelay) = (new Uri($"http://127.0.0.1:{port}/crm"), TimeSpan.Zero));

        var failure = await Assert.ThrowsAsync<CustomerIdLookupException>(() => rig.Lookup.PhoneToCustomerIdsAsync([Customer], CancellationToken.None));

        Assert.Equal("The customer-ID service gave no answer to phone-to-uid after 3 attempt(s): connection failed (ConnectionError).", failure.Message);
        Assert.IsType<HttpRequestException>(failure.InnerException);
    }

    [Theory(Timeout = CustomerIdRig.TestTimeout)]
    [InlineData("<html>502 Bad Gateway</html>", "not valid JSON")]
    [InlineData("{\"uids\":[\"C10086\"]}", "not valid JSON")]
    [InlineData("{\"uids\":{\"+8613800138000\":10086}}", "not valid JSON")]
    [InlineData("{\"uids\":{\"+8613800138000\":\"C10086\"}", "not valid JSON")]
    [InlineData("{}", "no \"uids\" object")]
    [InlineData("null", "null instead of an object")]
    [InlineData("{\"uids\":{\"13800138\":\"C10086\"}}", "a key that is not a phone number")]
    public async Task An_answer_outside_the_contract_fails_at_once_without_retry(string body, string reason)
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Answering(_ => CrmReply.Json(body)));

        var failure = await Assert.ThrowsAsync<CustomerIdLookupException>(() => rig.Lookup.PhoneToCustomerIdsAsync([Customer], CancellationToken.None));

        Assert.StartsWith("The customer-ID service answered phone-to-uid with something outside the contract: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Digits, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138", failure.Message, StringComparison.Ordinal);
        Assert.Single(rig.Crm.Requests);
    }

    [Theory(Timeout = CustomerIdRig.TestTimeout)]
    [InlineData("+1 415 555 0100")]
    [InlineData("138001380")]
    [InlineData("call me")]
    public async Task A_phone_from_uid_to_phone_that_does_not_normalise_is_a_failure(string phone)
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Answering(_ => CrmReply.Phones(new Dictionary<string, string?> { ["C10086"] = phone })));

        var failure = await Assert.ThrowsAsync<CustomerIdLookupException>(() => rig.Lookup.CustomerIdToPhonesAsync(["C10086"], CancellationToken.None));

        Assert.Contains("uid-to-phone", failure.Message, StringComparison.Ordinal);
        Assert.Contains("a phone that is not a valid number", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, failure.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task An_oversized_answer_is_refused()
    {
        string huge = "{\"uids\":{},\"padding\":\"" + new string('x', CustomerIdService.MaxAnswerBytes) + "\"}";
        await using var rig = new CustomerIdRig(ScriptedCrm.Answering(_ => CrmReply.Json(huge)));

        var failure = await Assert.ThrowsAsync<CustomerIdLookupException>(() => rig.Lookup.PhoneToCustomerIdsAsync([Customer], CancellationToken.None));

        Assert.Contains("an answer over 8 MiB", failure.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task A_failure_in_one_batch_fails_the_whole_list_and_stops_asking()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Answering(_ => CrmReply.Error(403)), options => options.BatchSize = 1);

        await Assert.ThrowsAsync<CustomerIdLookupException>(() =>
            rig.Lookup.PhoneToCustomerIdsAsync([Customer, Number("+8613912345678"), Number("+8613700000000")], CancellationToken.None));

        Assert.Single(rig.Crm.Requests);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task Logs_of_retries_and_failures_hold_neither_the_number_nor_the_token()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Answering(_ => CrmReply.Error(503)), options => options.RetryDelay = TimeSpan.Zero);

        await Assert.ThrowsAsync<CustomerIdLookupException>(() => rig.Lookup.PhoneToCustomerIdsAsync([Customer], CancellationToken.None));

        Assert.Equal(3, rig.Crm.Requests.Count);
        string logs = rig.LogText;
        Assert.Contains("retrying", logs, StringComparison.Ordinal);
        Assert.Contains("gave no answer to phone-to-uid", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Digits, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, logs, StringComparison.Ordinal);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task Disposing_the_lookup_stops_the_request_in_flight_and_refuses_new_lookups()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Answering(_ => CrmReply.Silent));
        var lookup = rig.Lookup.PhoneToCustomerIdsAsync([Customer], CancellationToken.None);
        await rig.Crm.NextRequestAsync();

        rig.Lookup.Dispose();

        var failure = await Assert.ThrowsAsync<CustomerIdLookupException>(() => lookup);
        Assert.Equal("The customer-ID lookup was stopped while asking phone-to-uid.", failure.Message);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => rig.Lookup.CustomerIdToPhonesAsync(["C10086"], CancellationToken.None));
        Assert.Single(rig.Crm.Requests);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task Through_the_agent_display_a_failing_service_shows_the_mask_never_the_number()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Answering(_ => CrmReply.Error(503)), options => options.RetryDelay = TimeSpan.Zero);

        AgentDisplayResult shown = await AgentDisplay.ForAgentAsync(Customer, NumberProtectionMode.CustomerId, rig.Lookup, CancellationToken.None);

        Assert.Equal(("138****8000", AgentDisplaySource.MaskAfterLookupFailure), (shown.Text, shown.Source));
        Assert.Contains(nameof(CustomerIdLookupException), shown.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Digits, $"{shown.Text} {shown.Detail} {rig.LogText}", StringComparison.Ordinal);
        Assert.Equal(3, rig.Crm.Requests.Count);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task Through_the_agent_display_a_silent_service_shows_the_mask_once_the_attempts_time_out()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Answering(_ => CrmReply.Silent), options => options.Retries = 0);

        var display = AgentDisplay.ForAgentAsync(Customer, NumberProtectionMode.CustomerId, rig.Lookup, CancellationToken.None);
        await rig.Crm.NextRequestAsync();
        await rig.Clock.FireNextTimerAsync();
        AgentDisplayResult shown = await display;

        Assert.Equal(("138****8000", AgentDisplaySource.MaskAfterLookupFailure), (shown.Text, shown.Source));
        Assert.DoesNotContain(Digits, shown.Text, StringComparison.Ordinal);
    }

    [Fact(Timeout = CustomerIdRig.TestTimeout)]
    public async Task Through_the_agent_display_a_working_service_shows_the_customer_id()
    {
        await using var rig = new CustomerIdRig(ScriptedCrm.Answering(_ => Found));

        AgentDisplayResult shown = await AgentDisplay.ForAgentAsync(Customer, NumberProtectionMode.CustomerId, rig.Lookup, CancellationToken.None);

        Assert.Equal(("C10086", AgentDisplaySource.CustomerId), (shown.Text, shown.Source));
    }
}
