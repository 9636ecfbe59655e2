using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IvrController.Retries;
using Microsoft.Extensions.Logging;

namespace IvrController.CustomerIds;

/// <summary>
/// One endpoint call of the contract: a JSON POST with a timeout per attempt, retries with backoff for
/// what may pass (timeouts, connection errors, 5xx, 429), and a typed failure for everything else.
/// Logs name the endpoint and counts, never the body or the token.
/// </summary>
internal sealed class CustomerIdService
{
    /// <summary>An answer for a full batch is a few kilobytes; anything near this is not an answer.</summary>
    internal const int MaxAnswerBytes = 8 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly HttpCustomerIdLookupOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly string _baseUrl;
    private readonly CappedBackoff _retryBackoff;

    public CustomerIdService(HttpClient http, HttpCustomerIdLookupOptions options, ILogger logger, TimeProvider time)
    {
        _http = http;
        _options = options;
        _logger = logger;
        _time = time;
        _baseUrl = options.BaseUrl!.AbsoluteUri.TrimEnd('/');
        // Retry n waits between ½ and 1 × RetryDelay × 2ⁿ⁻¹, never more than 10 s: someone's call is waiting.
        _retryBackoff = new CappedBackoff(options.RetryDelay, TimeSpan.FromSeconds(10), JitterShare: 0.5);
    }

    /// <param name="stopping">Cancelled when the lookup is disposed: not a caller's token, since callers share the request.</param>
    /// <param name="interpret">
    /// Turns the parsed answer into the result; throws <see cref="FormatException"/> (with a message that
    /// quotes nothing from the answer) when the answer breaks the contract.
    /// </param>
    public async Task<TResult> PostAsync<TRequest, TResponse, TResult>(
        string endpoint,
        TRequest body,
        int itemCount,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        Func<TResponse, TResult> interpret,
        CancellationToken stopping)
        where TResponse : class
    {
        var uri = new Uri($"{_baseUrl}/{endpoint}");
        byte[] payload = JsonSerializer.SerializeToUtf8Bytes(body, requestType);
        int attempts = _options.Retries + 1;
        for (int attempt = 1; ; attempt++)
        {
            (byte[]? answer, string? failure, Exception? cause) = await SendOnceAsync(uri, payload, endpoint, attempt, stopping).ConfigureAwait(false);
            if (answer is not null)
            {
                _logger.LogDebug("Customer-ID service answered {Endpoint} for {Count} item(s) on attempt {Attempt}", endpoint, itemCount, attempt);
                TResponse parsed = Parse(answer, responseType, endpoint, attempt);
                try
                {
                    return interpret(parsed);
                }
                catch (FormatException ex)
                {
                    throw Malformed(endpoint, attempt, ex.Message);
                }
            }

            if (attempt == attempts)
            {
                _logger.LogWarning("Customer-ID service gave no answer to {Endpoint} for {Count} item(s) after {Attempts} attempt(s): {Failure}", endpoint, itemCount, attempts, failure);
                string message = $"The customer-ID service gave no answer to {endpoint} after {attempts} attempt(s): {failure}.";
                throw cause is null
                    ? new CustomerIdLookupException(message) { Attempts = attempts }
                    : new CustomerIdLookupException(message, cause) { Attempts = attempts };
            }

            TimeSpan delay = _retryBackoff.Delay(attempt - 1);
            _logger.LogInformation("Customer-ID service: {Endpoint} for {Count} item(s) failed ({Failure}) on attempt {Attempt} of {Attempts}; retrying in {Delay:0} ms", endpoint, itemCount, failure, attempt, attempts, delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                throw Stopped(endpoint, attempt);
            }
        }
    }

    /// <summary>The answer's bytes, or why this attempt may be worth repeating; throws for what a retry cannot fix.</summary>
    private async Task<(byte[]? Answer, string? Failure, Exception? Cause)> SendOnceAsync(Uri uri, byte[] payload, string endpoint, int attempt, CancellationToken stopping)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri);
            // A byte array gives the request a Content-Length; some CRM front ends refuse chunked bodies.
            request.Content = new ByteArrayContent(payload);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (_options.BearerToken is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            if (status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (null, $"HTTP {status}", new HttpRequestException($"HTTP {status}", null, response.StatusCode));
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new CustomerIdLookupException($"The customer-ID service refused {endpoint} with HTTP {status}; not retried: the request or its token is wrong.")
                {
                    Attempts = attempt,
                };
            }

            return (await ReadBoundedAsync(response.Content, endpoint, attempt, linked.Token).ConfigureAwait(false), null, null);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw Stopped(endpoint, attempt);
        }
        catch (OperationCanceledException ex)
        {
            // No caller's token reaches here, so any other cancellation is a timeout: ours or the HttpClient's own.
            return (null, $"no answer within {_options.Timeout.TotalMilliseconds:0} ms", ex);
        }
        catch (HttpRequestException ex)
        {
            return (null, $"connection failed ({ex.HttpRequestError})", ex);
        }
        catch (IOException ex)
        {
            return (null, "the connection broke while the answer was read", ex);
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, string endpoint, int attempt, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxAnswerBytes)
        {
            throw TooLarge(endpoint, attempt);
        }

        Stream body = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            byte[] chunk = new byte[16 * 1024];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxAnswerBytes)
                {
                    throw TooLarge(endpoint, attempt);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private static TResponse Parse<TResponse>(byte[] answer, JsonTypeInfo<TResponse> responseType, string endpoint, int attempt)
        where TResponse : class
    {
        try
        {
            return JsonSerializer.Deserialize(answer, responseType)
                ?? throw Malformed(endpoint, attempt, "null instead of an object");
        }
        catch (JsonException ex)
        {
            // Not the exception's own message: its JSON path can quote a number used as a key.
            throw Malformed(endpoint, attempt, $"not valid JSON for the contract at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}");
        }
    }

    private static CustomerIdLookupException Malformed(string endpoint, int attempt, string what) =>
        new($"The customer-ID service answered {endpoint} with something outside the contract: {what}.") { Attempts = attempt };

    private static CustomerIdLookupException Stopped(string endpoint, int attempt) =>
        new($"The customer-ID lookup was stopped while asking {endpoint}.") { Attempts = attempt };

    private static CustomerIdLookupException TooLarge(string endpoint, int attempt) =>
        Malformed(endpoint, attempt, $"an answer over {MaxAnswerBytes / (1024 * 1024)} MiB");
}
