using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace IvrController.Tests.CustomerIds;

/// <summary>
/// A real HTTP/1.1 server on a loopback port the OS picks, playing the CRM: every request is recorded,
/// announced to the test and answered by the test's script (keep-alive, Content-Length bodies).
/// </summary>
internal sealed class ScriptedCrm : IAsyncDisposable
{
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<CrmRequest, CancellationToken, Task<CrmReply>> _script;
    private readonly ConcurrentQueue<CrmRequest> _requests = new();
    private readonly Channel<CrmRequest> _arrivals = Channel.CreateUnbounded<CrmRequest>();
    private readonly ConcurrentBag<TcpClient> _connections = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public ScriptedCrm(Func<CrmRequest, CancellationToken, Task<CrmReply>> script)
    {
        _script = script;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>With a path, as a CRM behind a gateway would have.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/crm/v1");

    public IReadOnlyList<CrmRequest> Requests => [.. _requests];

    public static ScriptedCrm Answering(Func<CrmRequest, CrmReply> script) => new((request, _) => Task.FromResult(script(request)));

    /// <summary>Answers both endpoints from one table of numbers (E.164) and IDs, as a CRM that works.</summary>
    public static ScriptedCrm Knowing(IReadOnlyDictionary<string, string> idsByPhone) => Answering(request =>
        request.Path.EndsWith("/phone-to-uid", StringComparison.Ordinal)
            ? CrmReply.Uids(request.Items("phones").Where(idsByPhone.ContainsKey).ToDictionary(p => p, p => (string?)idsByPhone[p]))
            : CrmReply.Phones(idsByPhone.Where(pair => request.Items("uids").Contains(pair.Value)).ToDictionary(pair => pair.Value, pair => (string?)pair.Key)));

    /// <summary>The next request to arrive (in arrival order), once it has been read whole.</summary>
    public async Task<CrmRequest> NextRequestAsync() =>
        await _arrivals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (TcpClient connection in _connections)
        {
            connection.Dispose();
        }

        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var serving = new List<Task>();
        try
        {
            while (true)
            {
                TcpClient connection = await _listener.AcceptTcpClientAsync(_stop.Token);
                _connections.Add(connection);
                serving.Add(ServeAsync(connection));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped (InvalidOperationException: the listener stopped between two accepts).
        }

        await Task.WhenAll(serving);
    }

    private async Task ServeAsync(TcpClient connection)
    {
        try
        {
            NetworkStream stream = connection.GetStream();
            var pending = new List<byte>();
            while (await ReadRequestAsync(stream, pending) is { } request)
            {
                _requests.Enqueue(request);
                _arrivals.Writer.TryWrite(request);
                CrmReply reply = request.Header("Transfer-Encoding") is not null
                    ? new CrmReply(411, "{\"error\":\"send a Content-Length\"}")
                    : await _script(request, _stop.Token);
                if (reply == CrmReply.Silent)
                {
                    // Hold the connection open without a word until the client gives up or the test ends.
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }

                await stream.WriteAsync(reply.ToBytes(), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client hung up (it stopped waiting) or the test ended.
        }
        finally
        {
            connection.Dispose();
        }
    }

    private async Task<CrmRequest?> ReadRequestAsync(NetworkStream stream, List<byte> pending)
    {
        byte[] chunk = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOf(pending, EndOfHead)) < 0)
        {
            if (!await FillAsync(stream, pending, chunk))
            {
                return null;
            }
        }

        string[] lines = Encoding.ASCII.GetString([.. pending.GetRange(0, headEnd)]).Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        int bodyLength = headers.TryGetValue("Content-Length", out string? length) ? int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) : 0;
        int total = headEnd + EndOfHead.Length + bodyLength;
        while (pending.Count < total)
        {
            if (!await FillAsync(stream, pending, chunk))
            {
                return null;
            }
        }

        string body = Encoding.UTF8.GetString([.. pending.GetRange(headEnd + EndOfHead.Length, bodyLength)]);
        pending.RemoveRange(0, total);
        return new CrmRequest(requestLine[0], requestLine[1], headers, body);
    }

    private async Task<bool> FillAsync(NetworkStream stream, List<byte> pending, byte[] chunk)
    {
        int read = await stream.ReadAsync(chunk, _stop.Token);
        pending.AddRange(chunk.AsSpan(0, read));
        return read > 0;
    }

    private static int IndexOf(List<byte> haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Count; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
            {
                j++;
            }

            if (j == needle.Length)
            {
                return i;
            }
        }

        return -1;
    }
}
