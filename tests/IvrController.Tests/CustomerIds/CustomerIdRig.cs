using IvrController.TestSupport;
using IvrController.CustomerIds;
using IvrController.Rules.Numbers;
using Microsoft.Extensions.Logging.Testing;

namespace IvrController.Tests.CustomerIds;

/// <summary>A scripted CRM, a real HttpClient, a watched fake clock and the lookup under test, wired together.</summary>
internal sealed class CustomerIdRig : IAsyncDisposable
{
    public const string Token = "s3cret-crm-token-7Qx";

    /// <summary>A lookup waits on the fake clock; a regression that waits for the wrong timer fails here instead of hanging.</summary>
    public const int TestTimeout = 30_000;

    private readonly HttpClient _http = new();

    public CustomerIdRig(ScriptedCrm crm, Action<HttpCustomerIdLookupOptions>? configure = null)
    {
        Crm = crm;
        Options = new HttpCustomerIdLookupOptions { BaseUrl = crm.BaseUrl, BearerToken = Token };
        configure?.Invoke(Options);
        Lookup = new HttpCustomerIdLookup(_http, Options, Logger, Clock);
    }

    public ScriptedCrm Crm { get; }

    public HttpCustomerIdLookupOptions Options { get; }

    public WatchedClock Clock { get; } = new();

    public FakeLogger<HttpCustomerIdLookup> Logger { get; } = new();

    public HttpCustomerIdLookup Lookup { get; }

    public string LogText => string.Join("\n", Logger.Collector.GetSnapshot().Select(record => $"{record.Message} {record.Exception}"));

    public static PhoneNumber Number(string raw) => ChineseNumberNormalizer.Default.Normalize(raw);

    public async ValueTask DisposeAsync()
    {
        Lookup.Dispose();
        _http.Dispose();
        await Crm.DisposeAsync();
    }
}
