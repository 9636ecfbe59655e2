using IvrController.CustomerIds;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace IvrController.Tests.CustomerIds;

public sealed class HttpCustomerIdLookupOptionsTests
{
    [Fact]
    public void The_defaults_with_a_base_url_are_valid_and_match_the_readme()
    {
        var options = new HttpCustomerIdLookupOptions { BaseUrl = new Uri("https://crm.example/ivr") };

        Assert.Empty(options.Validate());
        Assert.Equal(
            (100, TimeSpan.FromMilliseconds(800), 2, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), 100_000),
            (options.BatchSize, options.Timeout, options.Retries, options.CacheTtl, options.NegativeCacheTtl, options.CacheCapacity));
    }

    [Theory]
    [InlineData(null, "BaseUrl is missing")]
    [InlineData("crm/ivr", "absolute http:// or https:// URL")]
    [InlineData("ftp://crm.example/ivr", "absolute http:// or https:// URL")]
    [InlineData("https://admin:pw@crm.example/ivr", "carries credentials")]
    [InlineData("https://crm.example/ivr?tenant=1", "must not have a query")]
    public void A_base_url_that_cannot_carry_the_contract_is_refused(string? url, string expected)
    {
        var options = new HttpCustomerIdLookupOptions { BaseUrl = url is null ? null : new Uri(url, UriKind.RelativeOrAbsolute) };

        Assert.Contains(expected, Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BatchSize", "BatchSize 0 must be between 1 and 10000")]
    [InlineData("Timeout", "Timeout must be positive")]
    [InlineData("Retries", "Retries -1 must be between 0 and 10")]
    [InlineData("RetryDelay", "RetryDelay must be between 0 and 10 s")]
    [InlineData("CacheTtl", "must not be negative")]
    [InlineData("CacheCapacity", "CacheCapacity must not be negative")]
    [InlineData("BearerToken", "BearerToken must be a non-empty token")]
    public void Each_out_of_range_setting_is_named(string setting, string expected)
    {
        var options = new HttpCustomerIdLookupOptions { BaseUrl = new Uri("https://crm.example/ivr") };
        switch (setting)
        {
            case "BatchSize": options.BatchSize = 0; break;
            case "Timeout": options.Timeout = TimeSpan.Zero; break;
            case "Retries": options.Retries = -1; break;
            case "RetryDelay": options.RetryDelay = TimeSpan.FromMilliseconds(-1); break;
            case "CacheTtl": options.NegativeCacheTtl = TimeSpan.FromSeconds(-1); break;
            case "CacheCapacity": options.CacheCapacity = -1; break;
            case "BearerToken": options.BearerToken = "abc\r\nX-Injected: 1"; break;
        }

        string problem = Assert.Single(options.Validate());
        Assert.StartsWith($"{HttpCustomerIdLookupOptions.SectionName}:", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lookup_refuses_invalid_options_without_quoting_the_token()
    {
        using var http = new HttpClient();
        var options = new HttpCustomerIdLookupOptions { BaseUrl = new Uri("mailto:crm@example.com"), BearerToken = "has space" };

        var refused = Assert.Throws<ArgumentException>(() => new HttpCustomerIdLookup(http, options, NullLogger<HttpCustomerIdLookup>.Instance));

        Assert.Contains("absolute http:// or https:// URL", refused.Message, StringComparison.Ordinal);
        Assert.Contains("BearerToken", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("has space", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://crm.example/ivr", true)]
    [InlineData("https://crm.example/ivr", false)]
    [InlineData("http://127.0.0.1:8080/ivr", false)]
    public void A_token_sent_over_plain_http_off_this_host_is_warned_about_without_quoting_it(string url, bool warned)
    {
        using var http = new HttpClient();
        var logger = new FakeLogger<HttpCustomerIdLookup>();

        _ = new HttpCustomerIdLookup(http, new HttpCustomerIdLookupOptions { BaseUrl = new Uri(url), BearerToken = "tok-123" }, logger);

        Assert.Equal(warned, logger.Collector.Count == 1);
        Assert.DoesNotContain("tok-123", string.Join(" ", logger.Collector.GetSnapshot().Select(r => r.Message)), StringComparison.Ordinal);
    }
}
