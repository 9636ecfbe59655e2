namespace IvrController.CustomerIds;

/// <summary>
/// Where the CRM's customer-ID service is and how patiently to ask it. The defaults suit a lookup made
/// while a call waits: at most three tries of 800 ms, answers kept for 10 minutes.
/// </summary>
public sealed class HttpCustomerIdLookupOptions
{
    public const string SectionName = "CustomerIdLookup";

    /// <summary>
    /// Absolute http(s) URL the endpoints hang off: <c>{BaseUrl}/phone-to-uid</c> and
    /// <c>{BaseUrl}/uid-to-phone</c>. No default: there is no sensible one.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer …</c> when set; never logged.</summary>
    public string? BearerToken { get; set; }

    /// <summary>At most this many numbers or IDs in one request; longer lists are split.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Per attempt, from sending the request to the last byte of the answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Extra attempts after a timeout, a connection error, a 5xx or a 429; never after another 4xx.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>Base of the backoff: retry n waits between ½ and 1 × RetryDelay × 2ⁿ⁻¹, at most 10 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long an answer with an ID (or a number) is reused. Zero turns the cache off.</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long "no such customer" is reused, so an unknown caller does not hammer the CRM. Zero turns it off.</summary>
    public TimeSpan NegativeCacheTtl { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Entries kept per direction (numbers → IDs, IDs → numbers); the least recently used go first.</summary>
    public int CacheCapacity { get; set; } = 100_000;

    public IEnumerable<string> Validate()
    {
        if (BaseUrl is null)
        {
            yield return $"{SectionName}:BaseUrl is missing: name the customer-ID service, e.g. https://crm.example/ivr.";
        }
        else if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{SectionName}:BaseUrl must be an absolute http:// or https:// URL.";
        }
        else
        {
            if (!string.IsNullOrEmpty(BaseUrl.UserInfo))
            {
                // A URL is printed in logs and errors; a credential inside it would be too.
                yield return $"{SectionName}:BaseUrl carries credentials: put the secret in {SectionName}:BearerToken instead.";
            }

            if (!string.IsNullOrEmpty(BaseUrl.Query) || !string.IsNullOrEmpty(BaseUrl.Fragment))
            {
                yield return $"{SectionName}:BaseUrl must not have a query or a fragment: the endpoint names are appended to its path.";
            }
        }

        if (BearerToken is not null && (BearerToken.Length == 0 || BearerToken.AsSpan().IndexOfAny(" \t\r\n") >= 0))
        {
            yield return $"{SectionName}:BearerToken must be a non-empty token without spaces or line breaks (leave it unset for no header).";
        }

        if (BatchSize is < 1 or > 10_000)
        {
            yield return $"{SectionName}:BatchSize {BatchSize} must be between 1 and 10000.";
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromSeconds(60))
        {
            yield return $"{SectionName}:Timeout must be positive and at most 60 s: a call is waiting for the answer.";
        }

        if (Retries is < 0 or > 10)
        {
            yield return $"{SectionName}:Retries {Retries} must be between 0 and 10.";
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromSeconds(10))
        {
            yield return $"{SectionName}:RetryDelay must be between 0 and 10 s.";
        }

        if (CacheTtl < TimeSpan.Zero || NegativeCacheTtl < TimeSpan.Zero)
        {
            yield return $"{SectionName}:CacheTtl and NegativeCacheTtl must not be negative (zero turns caching off).";
        }

        if (CacheCapacity < 0)
        {
            yield return $"{SectionName}:CacheCapacity must not be negative (zero turns caching off).";
        }
    }
}
